package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.StorageConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One camera's scan with fake frames, analysis and cases: what is handed over, and when the reference changes. */
class CameraScanTest {
    @TempDir Path dir;
    Database db;
    ReferenceStore refs;
    final List<Finding> submitted = new ArrayList<>();
    final List<CaseGateway.OpenCase> open = new ArrayList<>();
    final AtomicInteger analysed = new AtomicInteger();
    final ScanTarget target = new ScanTarget(ScanRig.point("P1", "u", List.of(ScanRig.camera("C1", "rtsp://x"))), ScanRig.camera("C1", "rtsp://x"));
    final CaseGateway gateway = new CaseGateway() {
        @Override
        public List<OpenCase> openCases(String cameraId) {
            return open;
        }

        @Override
        public void submit(Finding f) {
            submitted.add(f);
        }
    };

    @BeforeEach
    void open() {
        db = Database.open(StorageConfig.embedded(dir.toString()));
        refs = new ReferenceStore(db.dataSource(), dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    CameraScanResult scan(String scene, ScanAnalyzer.Result analysis) {
        FrameGrabber frames = t -> List.of(CameraChecksTest.render(scene, 3), CameraChecksTest.render(scene, 5), CameraChecksTest.render(scene, 7));
        ScanAnalyzer analyzer = (t, ref, f, at, base) -> {
            analysed.incrementAndGet();
            return analysis;
        };
        return new CameraScan(frames, new CameraChecks(CheckThresholds.DEFAULT), refs, analyzer, gateway, Clock.systemUTC()).scan(target, 0);
    }

    static Finding seen(Box b) {
        return new Finding("C1", "P1", 7, FindingEvent.OPENED, Category.EXPOSED_GARBAGE, 0.9, b, Instant.now(), null);
    }

    String referenceReason() throws Exception {
        try (Connection c = db.connection(); ResultSet rs = c.createStatement().executeQuery("select reason from camera_references where camera_id = 'C1'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void unreachableCameraIsOfflineWithTheReason() {
        FrameGrabber refused = t -> {
            throw new IOException("connection refused");
        };
        CameraScanResult r = new CameraScan(refused, new CameraChecks(CheckThresholds.DEFAULT), refs, (t, ref, f, at, b) -> ScanAnalyzer.Result.NONE,
                gateway, Clock.systemUTC()).scan(target, 0);
        assertEquals("OFFLINE", r.status());
        assertEquals("connection refused", r.checks().fault().orElseThrow().detail());
        assertTrue(submitted.isEmpty());
    }

    @Test
    void conclusiveLookClearsOnlyCasesWhoseObjectIsGone() throws Exception {
        Box still = new Box(100, 100, 50, 50), gone = new Box(600, 400, 60, 40);
        open.add(new CaseGateway.OpenCase(1, 11, Category.EXPOSED_GARBAGE, still));
        open.add(new CaseGateway.OpenCase(2, 12, Category.EXPOSED_GARBAGE, gone));
        CameraScanResult r = scan("street_quiet", new ScanAnalyzer.Result(List.of(seen(new Box(105, 102, 50, 50))), true));
        assertEquals(1, r.cleared());
        assertEquals(List.of(FindingEvent.CLOSED, FindingEvent.OPENED), submitted.stream().map(Finding::event).toList());
        assertEquals(12, submitted.get(0).trackId(), "the CLOSED finding carries the gone case's track and box");
        assertEquals(gone, submitted.get(0).box());
        assertEquals("FIRST_HEALTHY", referenceReason());
    }

    @Test
    void inconclusiveLookClearsNothing() {
        open.add(new CaseGateway.OpenCase(2, 12, Category.EXPOSED_GARBAGE, new Box(600, 400, 60, 40)));
        CameraScanResult r = scan("street_quiet", new ScanAnalyzer.Result(List.of(), false));
        assertEquals(0, r.cleared());
        assertTrue(submitted.isEmpty());
    }

    @Test
    void referenceIsReplacedWhenTheViewIsVerifiedClean() throws Exception {
        scan("street_quiet", new ScanAnalyzer.Result(List.of(), true));
        assertEquals("FIRST_HEALTHY", referenceReason());
        open.add(new CaseGateway.OpenCase(2, 12, Category.EXPOSED_GARBAGE, new Box(600, 400, 60, 40)));
        scan("street_quiet", new ScanAnalyzer.Result(List.of(), true));
        assertEquals("VERIFIED_CLEAN", referenceReason());
    }

    @Test
    void coveredCameraIsNotAnalysedAndGetsNoReference() throws Exception {
        CameraScanResult r = scan("fault_covered", new ScanAnalyzer.Result(List.of(seen(new Box(1, 1, 40, 40))), true));
        assertEquals("COVERED", r.status());
        assertEquals(0, analysed.get());
        assertTrue(submitted.isEmpty());
        assertEquals(null, referenceReason());
        assertTrue(r.thumbnailJpeg().length > 0, "the report still shows what the camera sees");
    }
}
