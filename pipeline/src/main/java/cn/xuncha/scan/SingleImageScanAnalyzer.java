package cn.xuncha.scan;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.models.Detection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Single-image mode for the scan: the garbage detector over the median of the keyframes (passers-by removed), no
 * reference needed. Never conclusive: a miss of the detector is no proof that a spot is clean.
 */
public final class SingleImageScanAnalyzer implements ScanAnalyzer {
    /** Track ids of single-image findings start here within a scan's range, apart from reference-mode tracks. */
    static final long TRACK_OFFSET = 500_000L;
    private final DetectorPool detectors;

    public SingleImageScanAnalyzer(DetectorPool detectors) {
        this.detectors = detectors;
    }

    @Override
    public Result analyze(ScanTarget t, Mat reference, List<Mat> frames, Instant at, long trackBase) {
        if (frames.isEmpty()) return Result.NONE;
        List<Finding> out = new ArrayList<>();
        try (Mat view = MedianFrame.of(frames)) {
            List<Detection> found = detectors.detect(view);
            for (int i = 0; i < found.size(); i++) {
                Detection d = found.get(i);
                int[] b = d.box().clip(view.cols(), view.rows()).toIntArray();
                if (b[2] <= 0 || b[3] <= 0) continue;
                Box box = new Box(b[0], b[1], b[2], b[3]);
                Category c = Category.fromCode(d.category()).orElse(Category.EXPOSED_GARBAGE);
                out.add(new Finding(t.cameraId(), t.pointId(), trackBase + TRACK_OFFSET + i, FindingEvent.OPENED, c, d.score(), box, at,
                        evidence(view, box)));
            }
        }
        return new Result(out, false);
    }

    private static Evidence evidence(Mat view, Box b) {
        try (Rect r = new Rect(b.x(), b.y(), b.w(), b.h()); Mat crop = new Mat(view, r)) {
            return new Evidence(Thumbnails.jpeg(view), Thumbnails.jpegFull(crop), null);
        }
    }
}
