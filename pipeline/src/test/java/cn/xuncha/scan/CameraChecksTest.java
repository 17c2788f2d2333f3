package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.demo.DemoScenes;
import cn.xuncha.demo.Resolution;
import cn.xuncha.demo.SceneRenderer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Camera checks on rendered street frames: a healthy view and each fault the demo cameras can show. */
class CameraChecksTest {
    private static final CameraChecks CHECKS = new CameraChecks(CheckThresholds.DEFAULT);
    private static Mat reference;

    @BeforeAll
    static void renderReference() {
        reference = render("street_quiet", 0.0);
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static Mat render(String scene, double t) {
        try (SceneRenderer r = new SceneRenderer(DemoScenes.byName(scene), Resolution.P720, 1)) {
            Mat m = new Mat();
            r.render(t, m);
            return m;
        }
    }

    @Test
    void healthyViewWithPassersByPassesEveryCheck() {
        try (Mat frame = render("street_quiet", 17.0)) {
            CameraCheckResult r = CHECKS.check(frame, reference);
            assertTrue(r.healthy(), () -> "expected healthy: " + r.verdicts());
            assertEquals(CheckVerdict.Status.PASS, r.verdict(CheckKind.SHIFTED).orElseThrow().status());
        }
    }

    @Test
    void garbageInViewIsNotACameraFault() {
        try (Mat frame = render("street_boxes", 60.0)) {
            CameraCheckResult r = CHECKS.check(frame, reference);
            assertTrue(r.healthy(), () -> "boxes on the sidewalk must not look like a moved camera: " + r.verdicts());
        }
    }

    @Test
    void coveredLensIsCoveredNotDark() {
        assertFault("fault_covered", CheckKind.COVERED);
    }

    @Test
    void darkPictureIsDark() {
        assertFault("fault_dark", CheckKind.DARK);
    }

    @Test
    void blurredPictureIsBlurred() {
        CheckVerdict v = assertFault("fault_blurred", CheckKind.BLURRED);
        assertTrue(v.measured() < v.threshold());
    }

    @Test
    void blurredPictureIsNotAlsoReportedAsMoved() {
        try (Mat frame = render("fault_blurred", 30.0)) {
            assertEquals(CheckVerdict.Status.SKIPPED, CHECKS.check(frame, reference).verdict(CheckKind.SHIFTED).orElseThrow().status());
        }
    }

    @Test
    void knockedCameraIsShifted() {
        CheckVerdict v = assertFault("fault_shifted", CheckKind.SHIFTED);
        assertTrue(v.detail().contains("rotation") || v.detail().contains("features"), v.detail());
    }

    @Test
    void measuresAKnownTranslation() {
        try (Mat moved = new Mat(); Mat t = new Mat(2, 3, org.bytedeco.opencv.global.opencv_core.CV_64F)) {
            var ix = (org.bytedeco.javacpp.indexer.DoubleIndexer) t.createIndexer();
            ix.put(0, 0, 1).put(0, 1, 0).put(0, 2, 40).put(1, 0, 0).put(1, 1, 1).put(1, 2, -30);
            ix.close();
            warpAffine(reference, moved, t, reference.size());
            ViewShift.Measure m = ViewShift.measure(moved, reference);
            assertEquals(50.0, m.shiftPx(), 3.0, () -> "shift of (40,-30) px: " + m);
            assertEquals(0.0, m.rotationDegrees(), 0.5);
            assertTrue(CHECKS.check(moved, reference).verdict(CheckKind.SHIFTED).orElseThrow().failed());
        }
    }

    @Test
    void withoutReferenceShiftIsSkippedAndSharpnessIsAbsolute() {
        try (Mat frame = render("street_quiet", 5.0); Mat blurred = render("fault_blurred", 5.0)) {
            CameraCheckResult r = CHECKS.check(frame, null);
            assertTrue(r.healthy(), () -> r.verdicts().toString());
            assertEquals(CheckVerdict.Status.SKIPPED, r.verdict(CheckKind.SHIFTED).orElseThrow().status());
            assertEquals(CheckKind.BLURRED, CHECKS.check(blurred, null).fault().orElseThrow().kind());
        }
    }

    @Test
    void offlineCameraFailsOfflineAndSkipsTheRest() {
        CameraCheckResult r = CameraChecks.offline("connection refused");
        assertEquals(CheckKind.OFFLINE, r.fault().orElseThrow().kind());
        assertFalse(r.analysable());
        assertTrue(r.verdicts().stream().skip(1).allMatch(v -> v.status() == CheckVerdict.Status.SKIPPED));
    }

    private static CheckVerdict assertFault(String scene, CheckKind expected) {
        try (Mat frame = render(scene, 12.0)) {
            CameraCheckResult r = CHECKS.check(frame, reference);
            CheckVerdict fault = r.fault().orElseThrow(() -> new AssertionError(scene + " passed every check: " + r.verdicts()));
            assertEquals(expected, fault.kind(), () -> scene + ": " + r.verdicts());
            return fault;
        }
    }
}
