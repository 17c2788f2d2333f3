package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.data.YoloDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * n×n labelled photos composed into one wide frame, each letterboxed into a square cell, labels moved with them:
 * the same garbage at 1/n of the frame, as a fixed camera sees it further away ({@code eval --mosaic}).
 */
public final class Mosaic {
    /** Cell side used by {@code eval --mosaic} and training validation: the trashbags-kr photo size. */
    public static final int CELL = 640;

    /** A composed frame and its ground truth in frame pixels; closing releases the frame. */
    public record Frame(String name, Mat image, List<PixelBox> truth) implements AutoCloseable {
        @Override
        public void close() {
            image.close();
        }

        /**
         * This frame shrunk so that its longer side is at most longSide, its boxes with it (a new frame the caller
         * closes), as ingest caps a camera's frames; this frame itself when it fits or longSide is 0.
         */
        public Frame fittedTo(int longSide) {
            int longer = Math.max(image.cols(), image.rows());
            if (longSide <= 0 || longer <= longSide) return this;
            double s = longSide / (double) longer;
            Mat small = new Mat();
            resize(image, small, new Size(Math.max(1, (int) Math.round(image.cols() * s)), Math.max(1, (int) Math.round(image.rows() * s))),
                    0, 0, INTER_AREA);
            return new Frame(name + " at " + small.cols() + "x" + small.rows(), small, truth.stream().map(b -> b.scale(s)).toList());
        }
    }

    private Mosaic() {}

    /** Consecutive groups of n×n images in the given order; a last incomplete group is filled from the start. */
    public static List<List<LabeledImage>> groups(List<LabeledImage> images, int n) {
        if (n < 1) throw new IllegalArgumentException("mosaic size must be >= 1, got " + n);
        int per = n * n;
        List<List<LabeledImage>> out = new ArrayList<>();
        for (int i = 0; i < images.size(); i += per) {
            List<LabeledImage> g = new ArrayList<>(per);
            for (int k = 0; k < per; k++) g.add(images.get((i + k) % images.size()));
            out.add(g);
        }
        return out;
    }

    /** Composes one group into an (n·cell)² frame; null when one of its photos cannot be read. */
    public static Frame compose(List<LabeledImage> group, int n, int cell) throws IOException {
        Mat frame = new Mat(n * cell, n * cell, CV_8UC3, new Scalar(114, 114, 114, 0));
        List<PixelBox> truth = new ArrayList<>();
        for (int k = 0; k < group.size(); k++) {
            LabeledImage li = group.get(k);
            try (Mat img = imread(li.image().toString())) {
                if (img == null || img.empty()) {
                    frame.close();
                    return null;
                }
                double s = cell / (double) Math.max(img.cols(), img.rows());
                int w = Math.max(1, (int) Math.round(img.cols() * s)), h = Math.max(1, (int) Math.round(img.rows() * s));
                int x0 = (k % n) * cell + (cell - w) / 2, y0 = (k / n) * cell + (cell - h) / 2;
                try (Mat roi = new Mat(frame, new Rect(x0, y0, w, h))) {
                    resize(img, roi, new Size(w, h), 0, 0, INTER_AREA);
                }
                for (PixelBox b : YoloDataset.boxes(li, img.cols(), img.rows())) {
                    PixelBox m = b.scale(s);
                    truth.add(new PixelBox(m.x() + x0, m.y() + y0, m.w(), m.h()));
                }
            }
        }
        return new Frame(group.get(0).image() + " (mosaic " + n + "x" + n + ")", frame, truth);
    }
}
