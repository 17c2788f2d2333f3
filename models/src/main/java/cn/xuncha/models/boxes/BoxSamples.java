package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;

import cn.xuncha.models.data.Augmenter;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Cuts one augmented training input out of a photo: a square window of random size (half to one and a half times
 * the shorter side, so objects appear smaller and larger than in the photo; outside parts are grey), random
 * position, optional mirror, photometric augmentation; boxes follow the geometry. A mosaic input puts n×n such
 * windows side by side, so the same objects also appear at 1/n of the input, as a fixed camera sees them further away.
 */
final class BoxSamples {
    /** A labelled object cut by the window stays a target only if at least this much of it is visible. */
    static final double MIN_VISIBLE = 0.4;

    /** Interleaved BGR bytes of a size x size input and its boxes in input pixels. */
    record Sample(byte[] bgr, List<PixelBox> boxes) {}

    /** One photo's geometric cut before photometric augmentation (caller closes the crop). */
    private record Window(Mat crop, List<PixelBox> boxes) {}

    private BoxSamples() {}

    static Sample cut(Mat img, List<PixelBox> truth, int size, Random rnd) {
        Window w = window(img, truth, size, rnd);
        try (Mat crop = w.crop()) {
            return new Sample(Augmenter.applyKeepingGeometry(crop, rnd, false), w.boxes());
        }
    }

    /** n×n windows of the given photos (row by row, n² of them) in one input, augmented as one camera image. */
    static Sample mosaic(List<Mat> imgs, List<List<PixelBox>> truths, int size, Random rnd) {
        int n = (int) Math.round(Math.sqrt(imgs.size()));
        if (n * n != imgs.size() || size % n != 0) throw new IllegalArgumentException("need n*n photos and size divisible by n");
        int cell = size / n;
        List<PixelBox> boxes = new ArrayList<>();
        try (Mat canvas = new Mat(size, size, CV_8UC3)) {
            for (int k = 0; k < imgs.size(); k++) {
                int x0 = (k % n) * cell, y0 = (k / n) * cell;
                Window w = window(imgs.get(k), truths.get(k), cell, rnd);
                try (Mat crop = w.crop(); Mat roi = new Mat(canvas, new Rect(x0, y0, cell, cell))) {
                    crop.copyTo(roi);
                }
                for (PixelBox b : w.boxes()) boxes.add(new PixelBox(b.x() + x0, b.y() + y0, b.w(), b.h()));
            }
            return new Sample(Augmenter.applyKeepingGeometry(canvas, rnd, false), boxes);
        }
    }

    private static Window window(Mat img, List<PixelBox> truth, int size, Random rnd) {
        double shortSide = Math.min(img.cols(), img.rows());
        double side = shortSide * Math.exp(Math.log(0.5) + rnd.nextDouble() * (Math.log(1.5) - Math.log(0.5)));
        double x0 = slide(img.cols(), side, rnd), y0 = slide(img.rows(), side, rnd);
        PixelBox win = new PixelBox(x0, y0, side, side);
        double k = size / side;
        boolean mirror = rnd.nextBoolean();
        List<PixelBox> boxes = new ArrayList<>();
        for (PixelBox b : truth) {
            PixelBox moved = new PixelBox((b.x() - x0) * k, (b.y() - y0) * k, b.w() * k, b.h() * k);
            PixelBox visible = moved.clip(size, size);
            if (visible.area() < MIN_VISIBLE * moved.area() || visible.w() < 4 || visible.h() < 4) continue;
            boxes.add(mirror ? new PixelBox(size - visible.x() - visible.w(), visible.y(), visible.w(), visible.h()) : visible);
        }
        Mat crop = Crops.window(img, win, size);
        if (mirror) flip(crop, crop, 1);
        return new Window(crop, boxes);
    }

    /** Window origin along one axis: anywhere that keeps at least half the window on the image. */
    private static double slide(int extent, double side, Random rnd) {
        double lo = Math.min(0, extent - side) - side * 0.25, hi = Math.max(0, extent - side) + side * 0.25;
        return lo + rnd.nextDouble() * (hi - lo);
    }
}
