package cn.xuncha.analysis;

import java.time.Instant;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One sample as the judging step sees it: the original frame, its analysis-size copy, the reference image and
 * the scale between them (analysis pixels per original pixel). Views only; nothing here is owned.
 */
record SampleView(Instant at, Mat frame, Mat image, Mat reference, double scale) {

    /** Analysis box → original pixels, clamped to the frame. */
    Box toOriginal(Box b) {
        int x = (int) Math.floor(b.x() / scale), y = (int) Math.floor(b.y() / scale);
        int x1 = Math.min(frame.cols(), (int) Math.ceil((b.x() + b.w()) / scale));
        int y1 = Math.min(frame.rows(), (int) Math.ceil((b.y() + b.h()) / scale));
        return new Box(x, y, Math.max(0, x1 - x), Math.max(0, y1 - y));
    }

    /** The original-pixel box grown by {@code pad} of its size on each side, clamped: context for the classifier. */
    Box padded(Box orig, double pad) {
        int dx = (int) Math.round(orig.w() * pad), dy = (int) Math.round(orig.h() * pad);
        int x = Math.max(0, orig.x() - dx), y = Math.max(0, orig.y() - dy);
        int x1 = Math.min(frame.cols(), orig.x() + orig.w() + dx), y1 = Math.min(frame.rows(), orig.y() + orig.h() + dy);
        return new Box(x, y, x1 - x, y1 - y);
    }

    /** Where the object touches the ground (bottom centre), in original pixels: what zones are tested against. */
    double[] footOriginal(Box analysisBox) {
        return new double[] {(analysisBox.x() + analysisBox.w() / 2.0) / scale, (analysisBox.y() + analysisBox.h()) / scale};
    }
}
