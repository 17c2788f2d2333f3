package cn.xuncha.models.data;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Labelled bags cut out of training photos along their polygon outlines (colour plus a soft-edged alpha mask), for
 * pasting into other scenes ({@link CopyPaste}). Box-only labels give rectangular cutouts.
 */
public final class BagCutouts implements AutoCloseable {
    /** Cutouts are stored at most this large (longer side, px); pastes rarely need more. */
    static final int MAX_SIDE = 192;
    /** Smaller outlines are too coarse to cut along. */
    static final int MIN_SIDE = 12;

    /** One bag: BGR pixels and an 8-bit alpha of the same size (255 = bag). */
    public record Cutout(Mat bgr, Mat alpha) {}

    private final List<Cutout> cutouts;

    BagCutouts(List<Cutout> cutouts) {
        this.cutouts = cutouts;
    }

    /** Cutouts of every labelled bag in the photos, at most max of them (a seeded sample when there are more). */
    public static BagCutouts from(List<LabeledImage> photos, int max, Random rnd) throws IOException {
        List<Cutout> all = new ArrayList<>();
        for (LabeledImage li : photos) {
            if (li.labels() == null || !Files.exists(li.labels())) continue;
            List<double[]> outlines = YoloLabelParser.polygons(li.labels());
            if (outlines.isEmpty()) continue;
            try (Mat img = imread(li.image().toString())) {
                if (img == null || img.empty()) throw new IOException("unreadable training image: " + li.image());
                for (double[] poly : outlines) {
                    Cutout c = cut(img, poly);
                    if (c != null) all.add(c);
                }
            }
        }
        Collections.shuffle(all, rnd);
        while (all.size() > max) {
            Cutout c = all.remove(all.size() - 1);
            c.bgr().close();
            c.alpha().close();
        }
        return new BagCutouts(all);
    }

    /** The bag inside a normalised polygon, or null when it is too small or outside the image. */
    static Cutout cut(Mat img, double[] poly) {
        int n = poly.length / 2;
        int[] pts = new int[n * 2];
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = Integer.MIN_VALUE, y1 = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            pts[2 * i] = (int) Math.round(Math.max(0, Math.min(1, poly[2 * i])) * img.cols());
            pts[2 * i + 1] = (int) Math.round(Math.max(0, Math.min(1, poly[2 * i + 1])) * img.rows());
            x0 = Math.min(x0, pts[2 * i]); x1 = Math.max(x1, pts[2 * i]);
            y0 = Math.min(y0, pts[2 * i + 1]); y1 = Math.max(y1, pts[2 * i + 1]);
        }
        x1 = Math.min(x1, img.cols()); y1 = Math.min(y1, img.rows());
        if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE) return null;
        for (int i = 0; i < n; i++) {
            pts[2 * i] -= x0;
            pts[2 * i + 1] -= y0;
        }
        int w = x1 - x0, h = y1 - y0;
        double k = Math.min(1, MAX_SIDE / (double) Math.max(w, h));
        Size small = new Size(Math.max(1, (int) Math.round(w * k)), Math.max(1, (int) Math.round(h * k)));
        try (Rect r = new Rect(x0, y0, w, h); Mat roi = new Mat(img, r); Mat mask = new Mat(h, w, CV_8UC1, new Scalar(0));
             Mat points = new Mat(n, 1, CV_32SC2); MatVector outline = new MatVector(points)) {
            new IntPointer(points.data()).put(pts, 0, pts.length);
            fillPoly(mask, outline, new Scalar(255));
            // a soft edge, so the network cannot learn a cut-out's hard border as the sign of a bag
            GaussianBlur(mask, mask, new Size(3, 3), 0);
            Mat bgr = new Mat(), alpha = new Mat();
            resize(roi, bgr, small, 0, 0, INTER_AREA);
            resize(mask, alpha, small, 0, 0, INTER_AREA);
            return new Cutout(bgr, alpha);
        }
    }

    public int size() {
        return cutouts.size();
    }

    public Cutout get(int i) {
        return cutouts.get(i);
    }

    @Override
    public void close() {
        for (Cutout c : cutouts) {
            c.bgr().close();
            c.alpha().close();
        }
    }
}
