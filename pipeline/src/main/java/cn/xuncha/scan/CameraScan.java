package cn.xuncha.scan;

import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scans one camera: grab keyframes, check the camera, analyse against its reference, hand findings and verified
 * clearances to the cases stage, and keep the reference view up to date. Thread-safe (no per-call state).
 */
final class CameraScan {
    private static final Logger LOG = LoggerFactory.getLogger(CameraScan.class);
    /** an open case still counts as in view when a finding of its category overlaps it this much */
    private static final double SAME_PLACE_IOU = 0.1;
    private final FrameGrabber grabber;
    private final CameraChecks checks;
    private final ReferenceStore references;
    private final ScanAnalyzer analyzer;
    private final CaseGateway cases;
    private final Clock clock;

    CameraScan(FrameGrabber grabber, CameraChecks checks, ReferenceStore references, ScanAnalyzer analyzer, CaseGateway cases, Clock clock) {
        this.grabber = grabber;
        this.checks = checks;
        this.references = references;
        this.analyzer = analyzer;
        this.cases = cases;
        this.clock = clock;
    }

    CameraScanResult scan(ScanTarget t, long trackBase) {
        Instant start = clock.instant();
        List<Mat> frames;
        try {
            frames = grabber.grab(t);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new CameraScanResult(t, CameraChecks.offline(why), 0, 0, 0, null, clock.instant(), Duration.between(start, clock.instant()), null);
        }
        Mat reference = null;
        // the median of the keyframes: passers-by gone, one picture to check, show and keep as reference
        Mat view;
        try {
            view = MedianFrame.of(frames);
        } catch (RuntimeException e) {
            frames.forEach(Mat::close);
            return new CameraScanResult(t, CameraChecks.offline("frames unusable: " + e.getMessage()), 0, 0, 0, null, clock.instant(),
                    Duration.between(start, clock.instant()), null);
        }
        try {
            reference = references.load(t.cameraId()).orElse(null);
            CameraCheckResult result = checks.check(view, reference);
            byte[] thumb = Thumbnails.jpeg(view);
            Instant at = clock.instant();
            int found = 0, cleared = 0;
            String error = null;
            try {
                ScanAnalyzer.Result analysis = result.analysable() && !result.verdict(CheckKind.SHIFTED).map(CheckVerdict::failed).orElse(false)
                        ? analyzer.analyze(t, reference, frames, at, trackBase) : ScanAnalyzer.Result.NONE;
                found = analysis.findings().size();
                cleared = handOver(t, analysis, at);
                updateReference(t, view, reference, result, analysis, cleared, at);
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("scan of camera {} incomplete: {}", t.cameraId(), error);
            }
            return new CameraScanResult(t, result, frames.size(), found, cleared, thumb, at, Duration.between(start, clock.instant()), error);
        } catch (Exception e) {
            String why = "reference unavailable: " + e.getMessage();
            return new CameraScanResult(t, checks.check(view, null), frames.size(), 0, 0, Thumbnails.jpeg(view), clock.instant(),
                    Duration.between(start, clock.instant()), why);
        } finally {
            view.close();
            frames.forEach(Mat::close);
            if (reference != null) reference.close();
        }
    }

    /** Sends what was seen, and for a conclusive look a CLOSED finding for each open case whose object is gone. */
    private int handOver(ScanTarget t, ScanAnalyzer.Result analysis, Instant at) throws Exception {
        int cleared = 0;
        if (analysis.conclusive()) {
            for (CaseGateway.OpenCase c : cases.openCases(t.cameraId())) {
                boolean stillThere = analysis.findings().stream()
                        .anyMatch(f -> f.category() == c.detectedCategory() && f.box().iou(c.box()) >= SAME_PLACE_IOU);
                if (stillThere) continue;
                cases.submit(new Finding(t.cameraId(), t.pointId(), c.trackId(), FindingEvent.CLOSED, c.detectedCategory(), 0, c.box(), at, null));
                cleared++;
            }
        }
        for (Finding f : analysis.findings()) cases.submit(f);
        return cleared;
    }

    /** First healthy sight of a camera, or a view verified clean of every open case, becomes its reference. */
    private void updateReference(ScanTarget t, Mat view, Mat reference, CameraCheckResult checks, ScanAnalyzer.Result analysis,
                                 int cleared, Instant at) throws Exception {
        if (!checks.healthy()) return;
        ReferenceStore.Reason reason = null;
        if (reference == null) reason = ReferenceStore.Reason.FIRST_HEALTHY;
        else if (cleared > 0 && analysis.conclusive() && analysis.findings().isEmpty()) reason = ReferenceStore.Reason.VERIFIED_CLEAN;
        if (reason != null) references.save(t.cameraId(), view, reason, at);
    }
}
