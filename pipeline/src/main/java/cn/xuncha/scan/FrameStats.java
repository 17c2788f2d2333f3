package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Luminance statistics of a frame at a fixed small width, so thresholds do not depend on the camera's resolution
 * and sensor noise is averaged away: mean, standard deviation and Laplacian variance.
 */
record FrameStats(double mean, double stdDev, double laplacianVariance) {
    static final int WIDTH = 320;

    static FrameStats of(Mat bgr) {
        try (Mat gray = grayAtWidth(bgr, WIDTH); Mat lap = new Mat(); Mat m = new Mat(); Mat s = new Mat(); Mat lm = new Mat(); Mat ls = new Mat()) {
            meanStdDev(gray, m, s);
            Laplacian(gray, lap, CV_64F);
            meanStdDev(lap, lm, ls);
            double lapStd = ls.ptr(0).getDouble();
            return new FrameStats(m.ptr(0).getDouble(), s.ptr(0).getDouble(), lapStd * lapStd);
        }
    }

    /**
     * Contrast-independent sharpness: Laplacian variance per unit of intensity variance. Dimming or a gain change
     * scales both alike; defocus removes fine detail and lowers it.
     */
    double sharpness() {
        return stdDev < 1e-6 ? 0 : laplacianVariance / (stdDev * stdDev);
    }

    /** 8-bit grey copy of a BGR (or grey) frame downscaled to {@code width} (never upscaled). */
    static Mat grayAtWidth(Mat image, int width) {
        Mat gray = new Mat();
        if (image.channels() == 3) cvtColor(image, gray, COLOR_BGR2GRAY);
        else image.copyTo(gray);
        if (gray.cols() <= width) return gray;
        int h = Math.max(1, (int) Math.round(gray.rows() * (double) width / gray.cols()));
        try (Mat src = gray; Size size = new Size(width, h)) {
            Mat out = new Mat();
            resize(src, out, size, 0, 0, INTER_AREA);
            return out;
        }
    }
}
