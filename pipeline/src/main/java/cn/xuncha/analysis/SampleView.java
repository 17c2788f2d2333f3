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

    /** A square of side max(w,h) × {@code factor} centred on the original-pixel box, clamped to the frame. */
    Box squareCrop(Box orig, double factor) {
        int side = (int) Math.round(Math.max(orig.w(), orig.h()) * factor);
        double cx = orig.x() + orig.w() / 2.0, cy = orig.y() + orig.h() / 2.0;
        int x = Math.max(0, (int) Math.round(cx - side / 2.0)), y = Math.max(0, (int) Math.round(cy - side / 2.0));
        int x1 = Math.min(frame.cols(), (int) Math.round(cx + side / 2.0)), y1 = Math.min(frame.rows(), (int) Math.round(cy + side / 2.0));
        return new Box(x, y, Math.max(1, x1 - x), Math.max(1, y1 - y));
    }

    /** Where the object touches the ground (bottom centre), in original pixels: what zones are tested against. */
    double[] footOriginal(Box analysisBox) {
        return new double[] {(analysisBox.x() + analysisBox.w() / 2.0) / scale, (analysisBox.y() + analysisBox.h()) / scale};
    }
}
