package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.NORM_HAMMING;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import org.bytedeco.opencv.opencv_core.DMatch;
import org.bytedeco.opencv.opencv_core.DMatchVector;
import org.bytedeco.opencv.opencv_core.KeyPointVector;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_features2d.BFMatcher;
import org.bytedeco.opencv.opencv_features2d.ORB;

/**
 * How far a camera's view moved from its reference: ORB features matched between the two pictures and a RANSAC
 * similarity transform (shift, rotation, scale) fitted to the matches. Passers-by and new objects are outliers;
 * a view that no longer shares enough features with the reference has moved too far to fit.
 */
final class ViewShift {
    static final int WIDTH = 640;
    private static final int FEATURES = 1500;
    private static final double RANSAC_PX = 3.0;

    /**
     * @param shiftPx displacement of the frame centre, in pixels of the reference's original width
     * @param rotationDegrees absolute rotation; {@code scale} zoom factor (1 = unchanged)
     */
    record Measure(int inliers, double shiftPx, double rotationDegrees, double scale) {
        static Measure unmatched(int inliers) {
            return new Measure(inliers, Double.NaN, Double.NaN, Double.NaN);
        }

        boolean fitted() {
            return !Double.isNaN(shiftPx);
        }
    }

    private ViewShift() {}

    static Measure measure(Mat frame, Mat reference) {
        try (Mat a = FrameStats.grayAtWidth(reference, WIDTH); Mat b = FrameStats.grayAtWidth(frame, WIDTH);
             ORB orb = ORB.create(FEATURES, 1.2f, 8, 31, 0, 2, ORB.HARRIS_SCORE, 31, 20);
             KeyPointVector ka = new KeyPointVector(); KeyPointVector kb = new KeyPointVector();
             Mat da = new Mat(); Mat db = new Mat(); Mat none = new Mat();
             BFMatcher matcher = new BFMatcher(NORM_HAMMING, true); DMatchVector matches = new DMatchVector()) {
            orb.detectAndCompute(a, none, ka, da);
            orb.detectAndCompute(b, none, kb, db);
            if (da.empty() || db.empty()) return Measure.unmatched(0);
            matcher.match(da, db, matches);
            int n = (int) matches.size();
            if (n < 3) return Measure.unmatched(n);
            try (Mat from = new Mat(n, 1, CV_32FC2); Mat to = new Mat(n, 1, CV_32FC2); Mat inliers = new Mat()) {
                var fp = from.createIndexer();
                var tp = to.createIndexer();
                for (int i = 0; i < n; i++) {
                    DMatch m = matches.get(i);
                    var p = ka.get(m.queryIdx()).pt();
                    var q = kb.get(m.trainIdx()).pt();
                    ((org.bytedeco.javacpp.indexer.FloatIndexer) fp).put(i, 0, 0, p.x()).put(i, 0, 1, p.y());
                    ((org.bytedeco.javacpp.indexer.FloatIndexer) tp).put(i, 0, 0, q.x()).put(i, 0, 1, q.y());
                }
                fp.close();
                tp.close();
                try (Mat t = estimateAffinePartial2D(from, to, inliers, RANSAC, RANSAC_PX, 2000, 0.99, 10)) {
                    int in = inliers.empty() ? 0 : countNonZero(inliers);
                    if (t == null || t.empty()) return Measure.unmatched(in);
                    return fromTransform(t, in, a.cols(), a.rows(), reference.cols() / (double) a.cols());
                }
            }
        }
    }

    /** Reads [s·cos −s·sin tx; s·sin s·cos ty] and moves the frame centre through it. */
    private static Measure fromTransform(Mat t, int inliers, int w, int h, double toOriginal) {
        var ix = (org.bytedeco.javacpp.indexer.DoubleIndexer) t.createIndexer();
        double a = ix.get(0, 0), b = ix.get(0, 1), tx = ix.get(0, 2), c = ix.get(1, 0), ty = ix.get(1, 2);
        ix.close();
        double cx = w / 2.0, cy = h / 2.0;
        double dx = a * cx + b * cy + tx - cx, dy = c * cx + a * cy + ty - cy;
        double rotation = Math.toDegrees(Math.atan2(c, a));
        return new Measure(inliers, Math.hypot(dx, dy) * toOriginal, Math.abs(rotation), Math.hypot(a, c));
    }
}
