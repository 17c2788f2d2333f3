package cn.xuncha.scan;

import static cn.xuncha.scan.CheckKind.BLURRED;
import static cn.xuncha.scan.CheckKind.COVERED;
import static cn.xuncha.scan.CheckKind.DARK;
import static cn.xuncha.scan.CheckKind.OFFLINE;
import static cn.xuncha.scan.CheckKind.SHIFTED;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The camera health checks on grabbed frames: covered/blocked, too dark, blurred, view shifted against the
 * reference. Pure OpenCV; every verdict carries its measured value and threshold. Checks that a worse fault makes
 * meaningless (sharpness of a black picture) are skipped with the reason.
 */
public final class CameraChecks {
    private final CheckThresholds t;

    public CameraChecks(CheckThresholds thresholds) {
        this.t = thresholds;
    }

    /** The result for a camera that delivered no frame. */
    public static CameraCheckResult offline(String reason) {
        List<CheckVerdict> v = new ArrayList<>();
        v.add(new CheckVerdict(OFFLINE, CheckVerdict.Status.FAIL, 0, 1, reason));
        for (CheckKind k : List.of(COVERED, DARK, BLURRED, SHIFTED)) v.add(CheckVerdict.skipped(k, "no frame"));
        return new CameraCheckResult(v);
    }

    /**
     * @param frame a BGR frame of the camera (owned by the caller)
     * @param reference the camera's stored reference view, or null when it has none yet
     */
    public CameraCheckResult check(Mat frame, Mat reference) {
        FrameStats s = FrameStats.of(frame);
        List<CheckVerdict> v = new ArrayList<>();
        v.add(CheckVerdict.judged(OFFLINE, false, 1, 1, "frame received"));
        boolean covered = s.stdDev() < t.coveredStdDev();
        v.add(CheckVerdict.judged(COVERED, covered, s.stdDev(), t.coveredStdDev(), "luminance std-dev; below = uniform picture"));
        boolean dark = s.mean() < t.darkMean();
        if (covered) {
            v.add(CheckVerdict.skipped(DARK, "picture is uniform (covered)"));
        } else {
            v.add(CheckVerdict.judged(DARK, dark, s.mean(), t.darkMean(), "mean luminance; below = too dark to judge"));
        }
        if (covered || dark) {
            v.add(CheckVerdict.skipped(BLURRED, "picture unusable"));
            v.add(CheckVerdict.skipped(SHIFTED, "picture unusable"));
            return new CameraCheckResult(v);
        }
        CheckVerdict blur = blur(s, reference);
        v.add(blur);
        // a defocused picture has no features left to match, which would read as "points elsewhere"
        if (blur.failed()) v.add(CheckVerdict.skipped(SHIFTED, "picture blurred"));
        else v.add(reference == null ? CheckVerdict.skipped(SHIFTED, "no reference view stored yet") : shift(frame, reference));
        return new CameraCheckResult(v);
    }

    private CheckVerdict blur(FrameStats s, Mat reference) {
        if (reference == null) {
            return CheckVerdict.judged(BLURRED, s.sharpness() < t.blurAbsolute(), s.sharpness(), t.blurAbsolute(),
                    "sharpness (Laplacian/intensity variance), no reference");
        }
        double ref = FrameStats.of(reference).sharpness();
        double ratio = ref <= 0 ? 1 : s.sharpness() / ref;
        return CheckVerdict.judged(BLURRED, ratio < t.blurRatio(), ratio, t.blurRatio(), "sharpness relative to the reference view");
    }

    private CheckVerdict shift(Mat frame, Mat reference) {
        ViewShift.Measure m = ViewShift.measure(frame, reference);
        if (m.inliers() < t.minInliers() || !m.fitted()) {
            return CheckVerdict.judged(SHIFTED, true, m.inliers(), t.minInliers(),
                    "features matching the reference view; too few = camera points elsewhere");
        }
        double maxPx = t.shiftFraction() * reference.cols();
        boolean moved = m.shiftPx() > maxPx || m.rotationDegrees() > t.rotationDegrees();
        return CheckVerdict.judged(SHIFTED, moved, m.shiftPx(), maxPx, String.format(java.util.Locale.ROOT,
                "view shift in px (rotation %.1f° vs %.1f°, scale %.2f, %d matches)", m.rotationDegrees(), t.rotationDegrees(),
                m.scale(), m.inliers()));
    }
}
