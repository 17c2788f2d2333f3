package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** A fixed "pavement" scene with sensor noise, onto which tests paint objects, shadows and lighting changes. */
public final class SyntheticScene implements AutoCloseable {
    final int width;
    final int height;
    private final Mat ground;
    private long noiseSeed = 1;

    public SyntheticScene(int width, int height) {
        this.width = width;
        this.height = height;
        setRNGSeed(42);
        try (Mat noise = gaussian(height, width, 25); Mat base = new Mat(height, width, CV_16SC3, new Scalar(120, 125, 130, 0))) {
            add(base, noise, base);
            ground = new Mat();
            base.convertTo(ground, CV_8UC3);
            GaussianBlur(ground, ground, new Size(0, 0), 1.5);
        }
        // paving joints: a fixed texture the camera sees every day
        for (int x = 0; x < width; x += width / 12) line(ground, new Point(x, 0), new Point(x, height), new Scalar(80, 85, 90, 0));
    }

    /** A fresh frame of the empty scene with new sensor noise. */
    public Mat frame() {
        Mat f = ground.clone();
        setRNGSeed((int) noiseSeed++);
        try (Mat n = gaussian(height, width, 2)) {
            try (Mat f16 = new Mat()) {
                f.convertTo(f16, CV_16SC3);
                add(f16, n, f16);
                f16.convertTo(f, CV_8UC3);
            }
        }
        return f;
    }

    /** 16-bit signed 3-channel zero-mean Gaussian noise. */
    private static Mat gaussian(int h, int w, double sigma) {
        Mat n = new Mat(h, w, CV_16SC3);
        try (Mat flat = n.reshape(1, h); Mat mean = new Mat(1, 1, CV_64F, Scalar.all(0)); Mat sd = new Mat(1, 1, CV_64F, Scalar.all(sigma))) {
            randn(flat, mean, sd);
        }
        return n;
    }

    /** Paints a textured dark-green "bag" into the frame. */
    public static void bag(Mat f, Rect r) {
        ellipse(f, new Point(r.x() + r.width() / 2, r.y() + r.height() / 2), new Size(r.width() / 2, r.height() / 2), 0, 0, 360,
                new Scalar(40, 90, 30, 0), -1, LINE_8, 0);
        // folds: what makes a bag look like a bag
        for (int i = 1; i < 4; i++) {
            int x = r.x() + i * r.width() / 4;
            line(f, new Point(x, r.y() + r.height() / 5), new Point(x - r.width() / 8, r.y() + 4 * r.height() / 5), new Scalar(90, 160, 80, 0), 2, LINE_8, 0);
        }
    }

    /** A "bag" with the pavement's mean grey and colour but its own texture (folds). */
    static void greyBag(Mat f, Rect r) {
        rectangle(f, r, new Scalar(122, 126, 130, 0), -1, LINE_8, 0);
        for (int y = r.y(); y < r.y() + r.height(); y += 10) {
            line(f, new Point(r.x(), y), new Point(r.x() + r.width() - 1, y + 5), new Scalar(80, 85, 90, 0), 3, LINE_8, 0);
        }
    }

    /** Multiplies intensities in {@code r} by {@code factor} with a soft (penumbra) edge, keeping the texture. */
    static void shadow(Mat f, Rect r, double factor, double penumbra) {
        try (Mat mask = new Mat(f.size(), CV_32F, Scalar.all(1)); Mat m3 = new Mat(); Mat ff = new Mat()) {
            rectangle(mask, r, Scalar.all(factor), -1, LINE_8, 0);
            GaussianBlur(mask, mask, new Size(0, 0), penumbra);
            cvtColor(mask, m3, COLOR_GRAY2BGR);
            f.convertTo(ff, CV_32FC3);
            multiply(ff, m3, ff);
            ff.convertTo(f, CV_8UC3);
        }
    }

    /** Scales the whole frame (auto-exposure / cloud) */
    static void gain(Mat f, double factor) {
        f.convertTo(f, -1, factor, 0);
    }

    @Override
    public void close() {
        ground.close();
    }
}
