package cn.xuncha.models.data;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Copy-paste augmentation (Ghiasi et al., 2021): bags cut out of other training photos are pasted into a scene, next
 * to its own bags (denser piles, with occlusion) or anywhere on the lower part of a garbage-free camera frame (bags
 * in the scenes the service watches). Boxes of bags mostly hidden by a paste are dropped, as a window drops bags it
 * cuts off.
 */
public final class CopyPaste {
    /** A bag stays a target only if at least this much of it is still visible (as for window cuts). */
    static final double MIN_VISIBLE = 0.4;
    /** Pasted bags' size in a scene without bags: this range of the shorter side (log-uniform). */
    static final double MIN_REL = 0.04, MAX_REL = 0.25;

    private CopyPaste() {}

    /**
     * Pastes count random cutouts into img (a continuous 8-bit BGR image, modified in place) and returns the boxes
     * of what is labelled afterwards: the visible old bags and the visible pasted ones.
     */
    public static List<PixelBox> paste(Mat img, List<PixelBox> truth, BagCutouts bank, int count, Random rnd) {
        if (img.type() != CV_8UC3 || !img.isContinuous()) throw new IllegalArgumentException("need a continuous 8-bit BGR image");
        int width = img.cols(), height = img.rows();
        int[] owner = new int[width * height];
        Arrays.fill(owner, -1);
        List<PixelBox> pasted = new ArrayList<>();
        List<Integer> pixels = new ArrayList<>();
        double typical = typicalSide(truth);
        for (int i = 0; i < count && bank.size() > 0; i++) {
            BagCutouts.Cutout c = bank.get(rnd.nextInt(bank.size()));
            double side = typical > 0 ? typical * Math.exp(Math.log(0.6) + rnd.nextDouble() * Math.log(1.4 / 0.6))
                    : Math.min(width, height) * Math.exp(Math.log(MIN_REL) + rnd.nextDouble() * Math.log(MAX_REL / MIN_REL));
            double k = side / Math.sqrt((double) c.bgr().cols() * c.bgr().rows());
            int w = (int) Math.round(c.bgr().cols() * k), h = (int) Math.round(c.bgr().rows() * k);
            if (w < 4 || h < 4 || w > width * 0.8 || h > height * 0.8) continue;
            PixelBox at = place(w, h, width, height, truth, rnd);
            int drawn = blend(img, c, at, rnd, owner, pasted.size());
            pasted.add(at);
            pixels.add(Math.max(1, drawn));
        }
        List<PixelBox> out = new ArrayList<>();
        for (PixelBox b : truth) {
            if (1 - covered(owner, width, b) / Math.max(1, b.area()) >= MIN_VISIBLE) out.add(b);
        }
        int[] kept = new int[pasted.size()];
        for (int o : owner) if (o >= 0) kept[o]++;
        for (int j = 0; j < pasted.size(); j++) {
            if (kept[j] >= MIN_VISIBLE * pixels.get(j)) out.add(pasted.get(j));
        }
        return out;
    }

    /** The median square-root area of the scene's bags, 0 without bags. */
    static double typicalSide(List<PixelBox> truth) {
        if (truth.isEmpty()) return 0;
        double[] s = truth.stream().mapToDouble(b -> Math.sqrt(b.area())).sorted().toArray();
        return s[s.length / 2];
    }

    /** Next to one of the scene's bags half the time (piles), else anywhere below the top quarter (the ground). */
    private static PixelBox place(int w, int h, int width, int height, List<PixelBox> truth, Random rnd) {
        double cx, cy;
        if (!truth.isEmpty() && rnd.nextBoolean()) {
            PixelBox a = truth.get(rnd.nextInt(truth.size()));
            cx = a.cx() + (rnd.nextDouble() * 1.6 - 0.8) * (a.w() + w) / 2;
            cy = a.cy() + (rnd.nextDouble() * 1.6 - 0.8) * (a.h() + h) / 2;
        } else {
            cx = w / 2.0 + rnd.nextDouble() * (width - w);
            double top = Math.max(h / 2.0, height * 0.25);
            cy = top + rnd.nextDouble() * Math.max(0, height - h / 2.0 - top);
        }
        int x = (int) Math.round(Math.max(0, Math.min(width - w, cx - w / 2.0)));
        int y = (int) Math.round(Math.max(0, Math.min(height - h, cy - h / 2.0)));
        return new PixelBox(x, y, w, h);
    }

    /** Alpha-blends the resized (maybe mirrored, brightened) cutout at the box; returns the pixels it owns. */
    private static int blend(Mat img, BagCutouts.Cutout c, PixelBox at, Random rnd, int[] owner, int id) {
        int w = (int) at.w(), h = (int) at.h(), x0 = (int) at.x(), y0 = (int) at.y(), width = img.cols();
        int interp = w < c.bgr().cols() ? INTER_AREA : INTER_LINEAR;
        byte[] bgr = new byte[w * h * 3], alpha = new byte[w * h];
        try (Mat rb = new Mat(); Mat ra = new Mat()) {
            resize(c.bgr(), rb, new Size(w, h), 0, 0, interp);
            resize(c.alpha(), ra, new Size(w, h), 0, 0, interp);
            if (rnd.nextBoolean()) {
                flip(rb, rb, 1);
                flip(ra, ra, 1);
            }
            rb.data().get(bgr);
            ra.data().get(alpha);
        }
        double gain = 0.8 + 0.4 * rnd.nextDouble();
        BytePointer data = img.data();
        byte[] row = new byte[w * 3];
        int drawn = 0;
        for (int y = 0; y < h; y++) {
            long start = ((long) (y0 + y) * width + x0) * 3;
            data.position(start).get(row);
            for (int x = 0; x < w; x++) {
                double a = (alpha[y * w + x] & 0xff) / 255.0;
                if (a <= 0) continue;
                for (int ch = 0; ch < 3; ch++) {
                    double v = Math.min(255, (bgr[(y * w + x) * 3 + ch] & 0xff) * gain);
                    int i = x * 3 + ch;
                    row[i] = (byte) Math.round(a * v + (1 - a) * (row[i] & 0xff));
                }
                if (a >= 0.5) {
                    owner[(y0 + y) * width + x0 + x] = id;
                    drawn++;
                }
            }
            data.position(start).put(row);
        }
        data.position(0);
        return drawn;
    }

    /** Pasted pixels inside a box. */
    private static double covered(int[] owner, int width, PixelBox b) {
        int height = owner.length / width;
        int x0 = Math.max(0, (int) b.x()), y0 = Math.max(0, (int) b.y());
        int x1 = Math.min(width, (int) Math.ceil(b.x() + b.w())), y1 = Math.min(height, (int) Math.ceil(b.y() + b.h()));
        int n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (owner[y * width + x] >= 0) n++;
        return n;
    }
}
