package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.min;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The per-pixel median of three keyframes: a passer-by in one of them does not end up in a reference view.
 * With fewer frames the first one is used as is.
 */
final class MedianFrame {
    private MedianFrame() {}

    /** A new Mat the caller closes. */
    static Mat of(List<Mat> frames) {
        if (frames.size() < 3 || !sameShape(frames)) return frames.get(0).clone();
        Mat a = frames.get(0), b = frames.get(1), c = frames.get(2);
        try (Mat lo = new Mat(); Mat hi = new Mat(); Mat mid = new Mat()) {
            min(a, b, lo);
            max(a, b, hi);
            min(hi, c, mid);
            Mat out = new Mat();
            max(lo, mid, out); // median(a,b,c) = max(min(a,b), min(max(a,b), c))
            return out;
        }
    }

    private static boolean sameShape(List<Mat> f) {
        return f.stream().allMatch(m -> m.rows() == f.get(0).rows() && m.cols() == f.get(0).cols() && m.type() == f.get(0).type());
    }
}
