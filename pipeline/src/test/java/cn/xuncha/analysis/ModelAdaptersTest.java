package cn.xuncha.analysis;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.SingleImageDetector;
import cn.xuncha.models.net.GarbageNet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** The adapters to the models module, on an untrained network of the real architecture (no committed weights needed). */
class ModelAdaptersTest {

    static GarbageClassifier untrained() {
        ModelMetadata m = new ModelMetadata(List.of("background", "garbage"), GarbageNet.INPUT, 1.6, 0.42, 0.0,
                "sha256:0123456789abcdef", Map.of(), Map.of());
        return new GarbageClassifier(GarbageNet.create(5, 1e-3), m);
    }

    @Test
    void cropClassifierPassesScoresAndMetadataThrough() {
        try (SyntheticScene scene = new SyntheticScene(320, 240); Mat f = scene.frame();
                ModelCropClassifier c = new ModelCropClassifier(untrained());
                Mat a = new Mat(f, new Rect(10, 10, 60, 40)); Mat b = new Mat(f, new Rect(100, 50, 50, 50))) {
            float[] batch = c.score(List.of(a, b));
            assertEquals(2, batch.length);
            for (float s : batch) assertTrue(s >= 0 && s <= 1, "probability " + s);
            assertEquals(batch[1], c.score(List.of(b))[0], 1e-5, "batching does not change a crop's score");
            assertEquals(0, c.score(List.of()).length);
            assertEquals(0.42, c.threshold());
            assertEquals(1.6, c.cropPadding());
            assertTrue(c.describe().contains("0123456789ab"), c.describe());
        }
    }

    @Test
    void singleImageFindingsRespectIgnoreZones() {
        try (SyntheticScene scene = new SyntheticScene(320, 240); Mat f = scene.frame(); GarbageClassifier model = untrained()) {
            SyntheticScene.bag(f, new Rect(120, 100, 60, 50));
            SingleImageAnalyzer a = new SingleImageAnalyzer(new SingleImageDetector(model, 0.0));
            Instant at = Instant.parse("2026-03-01T02:00:00Z");
            List<Finding> all = a.analyze("cam-1", "P001", at, f, List.of());
            assertFalse(all.isEmpty(), "threshold 0: every candidate window is reported");
            for (Finding x : all) {
                assertEquals(FindingEvent.OPENED, x.event());
                assertTrue(x.box().x() >= 0 && x.box().x() + x.box().w() <= 320 && x.box().y() + x.box().h() <= 240, x.box().toString());
                assertNotNull(x.evidence().frameJpeg());
                assertNull(x.evidence().referenceJpeg(), "no reference in single-image mode");
            }
            assertEquals(all.size(), all.stream().map(Finding::trackId).distinct().count(), "distinct ids");
            ZoneConfig everything = new ZoneConfig("all", ZoneRule.IGNORE,
                    List.of(new int[] {0, 0}, new int[] {400, 0}, new int[] {400, 300}, new int[] {0, 300}), Duration.ZERO);
            assertEquals(List.of(), a.analyze("cam-1", "P001", at, f, List.of(everything)));
        }
    }
}
