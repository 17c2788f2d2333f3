package cn.xuncha.models.data;

import cn.xuncha.models.net.MatTensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Cuts labelled windows from a photo: positives are squares around each bag (crop convention, with scale and
 * position jitter); negatives are windows that hold no substantial part of a bag, windows so large that the
 * bags in them are a small detail, and one badly framed window per bag (part of it, far too loose, shifted),
 * which teaches the dense scan to peak where a window fits a single bag.
 */
public final class PatchSampler {

    /** Crops are squares with side max(w,h)*CROP_PAD around the object box. */
    public static final double CROP_PAD = 1.25;

    private final int size;

    public PatchSampler(int size) {
        this.size = size;
    }

    /** Augmented positives (one per bag per call) and {@code negatives} background windows. */
    public List<Patch> training(Mat img, List<PixelBox> bags, int negatives, Random rnd) {
        List<Patch> out = new ArrayList<>();
        for (PixelBox b : bags) {
            double pad = CROP_PAD * (0.85 + 0.35 * rnd.nextDouble());
            PixelBox w = b.squareAround(pad);
            double dx = (rnd.nextDouble() - 0.5) * 0.2 * w.w(), dy = (rnd.nextDouble() - 0.5) * 0.2 * w.h();
            out.add(cut(img, new PixelBox(w.x() + dx, w.y() + dy, w.w(), w.h()), 1, rnd));
        }
        for (PixelBox b : bags) {
            PixelBox hard = misframed(b, bags, rnd);
            if (hard != null) out.add(cut(img, hard, 0, rnd));
        }
        for (PixelBox w : negativeWindows(img, bags, negatives, false, rnd)) out.add(cut(img, w, 0, rnd));
        return out;
    }

    /**
     * A window that frames a bag badly (a part of it, far too loose, or shifted off it) so the dense scan peaks
     * where a window fits one bag; null when the draw happens to fit some bag or frames a pile.
     */
    static PixelBox misframed(PixelBox bag, List<PixelBox> bags, Random rnd) {
        PixelBox w = bag.squareAround(CROP_PAD);
        double side = w.w(), kind = rnd.nextDouble();
        PixelBox cand;
        if (kind < 0.4) {          // a part of the bag
            double f = 0.3 + 0.25 * rnd.nextDouble();
            double ns = side * f;
            cand = new PixelBox(bag.x() + rnd.nextDouble() * Math.max(0, bag.w() - ns),
                    bag.y() + rnd.nextDouble() * Math.max(0, bag.h() - ns), ns, ns);
        } else if (kind < 0.7) {   // far too loose
            double ns = side * (2.0 + 1.2 * rnd.nextDouble());
            cand = new PixelBox(w.cx() - ns / 2 + (rnd.nextDouble() - 0.5) * 0.3 * ns,
                    w.cy() - ns / 2 + (rnd.nextDouble() - 0.5) * 0.3 * ns, ns, ns);
        } else {                   // shifted off the bag
            double a = rnd.nextDouble() * 2 * Math.PI, d = side * (0.6 + 0.4 * rnd.nextDouble());
            cand = new PixelBox(w.x() + Math.cos(a) * d, w.y() + Math.sin(a) * d, side, side);
        }
        PixelBox implied = impliedObject(cand);
        double covered = 0;
        for (PixelBox b : bags) {
            if (implied.iou(b) >= 0.2) return null;
            covered += cand.intersection(b);
        }
        boolean pile = kind >= 0.4 && covered / cand.area() >= 0.35;
        return pile ? null : cand;
    }

    /** The object box a window of the crop convention stands for. */
    public static PixelBox impliedObject(PixelBox window) {
        double side = window.w() / CROP_PAD;
        return new PixelBox(window.cx() - side / 2, window.cy() - side / 2, side, side);
    }

    /** Un-augmented crops: every bag at the exact convention, and background windows not touching any bag. */
    public List<Patch> validation(Mat img, List<PixelBox> bags, int negatives, Random rnd) {
        List<Patch> out = new ArrayList<>();
        for (PixelBox b : bags) out.add(cut(img, b.squareAround(CROP_PAD), 1, null));
        for (PixelBox w : negativeWindows(img, bags, negatives, true, rnd)) out.add(cut(img, w, 0, null));
        return out;
    }

    /** Random windows with no bag content (strict: no overlap at all). */
    public List<PixelBox> negativeWindows(Mat img, List<PixelBox> bags, int n, boolean strict, Random rnd) {
        List<PixelBox> out = new ArrayList<>();
        double minDim = Math.min(img.cols(), img.rows());
        for (int attempt = 0; attempt < n * 40 && out.size() < n; attempt++) {
            double side = minDim * Math.exp(Math.log(0.1) + rnd.nextDouble() * (Math.log(0.8) - Math.log(0.1)));
            double x = -0.1 * side + rnd.nextDouble() * (img.cols() - 0.8 * side);
            double y = -0.1 * side + rnd.nextDouble() * (img.rows() - 0.8 * side);
            PixelBox w = new PixelBox(x, y, side, side);
            if (strict ? touchesNone(w, bags) : isNegative(w, bags)) out.add(w);
        }
        return out;
    }

    static boolean touchesNone(PixelBox w, List<PixelBox> bags) {
        return bags.stream().allMatch(b -> w.intersection(b) == 0);
    }

    /** No bag substantially inside, or the window is far too large for any bag in it. */
    static boolean isNegative(PixelBox w, List<PixelBox> bags) {
        boolean noContent = true;
        double covered = 0, largest = 0;
        for (PixelBox b : bags) {
            double inter = w.intersection(b);
            if (inter / b.area() >= 0.2 || inter / w.area() >= 0.3) noContent = false;
            covered += inter;
            largest = Math.max(largest, inter);
        }
        boolean tooLarge = largest / w.area() < 0.05 && covered / w.area() < 0.15;
        return noContent || tooLarge;
    }

    public Patch cut(Mat img, PixelBox window, int label, Random rnd) {
        try (Mat crop = Crops.window(img, window, size)) {
            return new Patch(rnd == null ? MatTensors.bytes(crop) : Augmenter.apply(crop, rnd), label);
        }
    }
}
