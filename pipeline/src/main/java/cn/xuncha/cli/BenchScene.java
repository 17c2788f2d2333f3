package cn.xuncha.cli;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A synthetic street view for benchmarks: textured pavement, sensor noise, two "pedestrians" crossing and a
 * bag that appears after the reference is learned, so every analysis stage (tracking included) does real work.
 */
final class BenchScene implements AutoCloseable {
    private final List<Mat> frames = new ArrayList<>();

    BenchScene(int width, int height, int count, int bagFrom) {
        setRNGSeed(7);
        try (Mat ground = new Mat(height, width, CV_8UC3); Mat mean = new Mat(1, 1, CV_64F, Scalar.all(120)); Mat sd = new Mat(1, 1, CV_64F, Scalar.all(25))) {
            try (Mat flat = ground.reshape(1, height)) {
                randn(flat, mean, sd);
            }
            GaussianBlur(ground, ground, new Size(0, 0), 1.5);
            try (Mat noiseSd = new Mat(1, 1, CV_64F, Scalar.all(2)); Mat zero = new Mat(1, 1, CV_64F, Scalar.all(0))) {
                for (int i = 0; i < count; i++) {
                    Mat f = ground.clone();
                    try (Mat n = new Mat(height, width, CV_8UC3); Mat flat = n.reshape(1, height)) {
                        randn(flat, zero, noiseSd);
                        add(f, n, f);
                    }
                    int s = width / 16;
                    circle(f, new Point((i * width / 20) % width, height / 3), s, new Scalar(60, 60, 200, 0), -1, LINE_8, 0);
                    circle(f, new Point(width - (i * width / 30) % width, 2 * height / 3), s, new Scalar(200, 180, 40, 0), -1, LINE_8, 0);
                    if (i >= bagFrom) ellipse(f, new Point(width / 2, height * 3 / 4), new Size(s, s * 3 / 4), 0, 0, 360, new Scalar(40, 90, 30, 0), -1, LINE_8, 0);
                    frames.add(f);
                }
            }
        }
    }

    Mat frame(int i) {
        return frames.get(i % frames.size());
    }

    @Override
    public void close() {
        frames.forEach(Mat::close);
    }
}
