package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Tells a new object from a "ghost" (something that was in the reference and has left): a new object brings
 * its outline into the current frame, a ghost's outline is in the reference and gone from the frame. Compares
 * log-gradient energy on the band along the box border.
 */
final class GhostTest {
    private static final double RATIO = 1.5;

    private GhostTest() {}

    static boolean isGhost(Mat curLog, Mat refLog, Box b) {
        int pad = 3;
        int x0 = Math.max(0, b.x() - pad), y0 = Math.max(0, b.y() - pad);
        int x1 = Math.min(curLog.cols(), b.x() + b.w() + pad), y1 = Math.min(curLog.rows(), b.y() + b.h() + pad);
        if (x1 - x0 < 8 || y1 - y0 < 8) return false;
        try (Rect roi = new Rect(x0, y0, x1 - x0, y1 - y0);
                Mat band = new Mat(y1 - y0, x1 - x0, CV_8U, Scalar.all(255))) {
            int ix = Math.max(2, b.w() / 4), iy = Math.max(2, b.h() / 4);
            if (b.w() > 2 * ix && b.h() > 2 * iy) {
                try (Rect inner = new Rect(b.x() - x0 + ix, b.y() - y0 + iy, b.w() - 2 * ix, b.h() - 2 * iy); Mat in = new Mat(band, inner)) {
                    in.put(Scalar.all(0));
                }
            }
            double cur = edgeEnergy(curLog, roi, band);
            double ref = edgeEnergy(refLog, roi, band);
            return ref > RATIO * cur + 1e-4;
        }
    }

    private static double edgeEnergy(Mat logL, Rect roi, Mat band) {
        try (Mat view = new Mat(logL, roi); Mat gx = new Mat(); Mat gy = new Mat()) {
            Sobel(view, gx, CV_32F, 1, 0);
            Sobel(view, gy, CV_32F, 0, 1);
            multiply(gx, gx, gx);
            multiply(gy, gy, gy);
            add(gx, gy, gx);
            return mean(gx, band).get(0);
        }
    }
}
