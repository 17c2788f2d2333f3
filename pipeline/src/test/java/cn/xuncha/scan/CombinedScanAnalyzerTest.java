package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Reference and single-image findings merged: duplicates dropped, clearance only from reference mode. */
class CombinedScanAnalyzerTest {
    static final ScanTarget T = new ScanTarget(ScanRig.point("P1", "u", List.of(ScanRig.camera("C1", "rtsp://x"))),
            ScanRig.camera("C1", "rtsp://x"));

    static Finding at(int x) {
        return new Finding("C1", "P1", x, FindingEvent.OPENED, Category.EXPOSED_GARBAGE, 0.9, new Box(x, 100, 50, 50), Instant.EPOCH, null);
    }

    static ScanAnalyzer fixed(boolean conclusive, Finding... f) {
        return (t, ref, frames, at, base) -> new ScanAnalyzer.Result(List.of(f), conclusive);
    }

    @Test
    void singleImageAddsOnlyObjectsReferenceModeDidNotSee() {
        var c = new CombinedScanAnalyzer(fixed(true, at(0)), fixed(false, at(5), at(300)), CombinedScanAnalyzer.SingleImage.ALWAYS);
        try (Mat ref = new Mat()) {
            ScanAnalyzer.Result r = c.analyze(T, ref, List.of(), Instant.EPOCH, 0);
            assertEquals(List.of(0L, 300L), r.findings().stream().map(Finding::trackId).toList());
            assertTrue(r.conclusive());
        }
    }

    @Test
    void withoutReferenceModeSingleImageRunsOnlyForCamerasWithoutOne() {
        var c = new CombinedScanAnalyzer(fixed(false), fixed(false, at(300)), CombinedScanAnalyzer.SingleImage.WITHOUT_REFERENCE);
        assertEquals(1, c.analyze(T, null, List.of(), Instant.EPOCH, 0).findings().size());
        try (Mat ref = new Mat()) {
            assertEquals(0, c.analyze(T, ref, List.of(), Instant.EPOCH, 0).findings().size());
        }
        assertFalse(c.analyze(T, null, List.of(), Instant.EPOCH, 0).conclusive(), "single-image misses prove nothing");
    }

    @Test
    void noDetectorMeansReferenceModeOnly() {
        var c = new CombinedScanAnalyzer(fixed(true, at(0)), null, CombinedScanAnalyzer.SingleImage.ALWAYS);
        assertEquals(1, c.analyze(T, null, List.of(), Instant.EPOCH, 0).findings().size());
    }
}
