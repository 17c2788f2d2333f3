package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.net.GarbageNet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Single-image mode (no reference background): the classifier scans the photo densely at five window sizes
 * (fractions of the shorter side), windows above a floor go through non-maximum suppression, and each kept box
 * is refined by score-weighted voting of the windows that overlap it. Stateless apart from the classifier.
 */
public final class SingleImageDetector implements ImageDetector {

    /** Window sides as fractions of the image's shorter side (covers bags from ~1/8 to ~1/2 of the short side). */
    private static final double[] WINDOW_FRACTIONS = {0.15, 0.21, 0.3, 0.42, 0.6};
    /** Images are scanned at most this short side (bigger photos are shrunk first; boxes are mapped back). */
    private static final int MAX_SHORT_SIDE = 640;
    /** Windows below this score neither become boxes nor vote; fixed so thresholds can be swept after one scan. */
    public static final double CANDIDATE_FLOOR = 0.3;
    private static final double NMS_IOU = 0.3;
    private static final double VOTE_IOU = 0.5;
    private static final int MAX_CANDIDATES = 1500;

    private final GarbageClassifier classifier;
    private final double threshold;

    public SingleImageDetector(GarbageClassifier classifier) {
        this(classifier, classifier.metadata().detectionThreshold());
    }

    public SingleImageDetector(GarbageClassifier classifier, double threshold) {
        this.classifier = classifier;
        this.threshold = threshold;
    }

    @Override
    public String description() {
        return "classifier window scan";
    }

    @Override
    public double detectionThreshold() {
        return threshold;
    }

    /** Window scores below 0.5 fire on most bag-coloured texture. */
    @Override
    public double lowestUsefulThreshold() {
        return 0.5;
    }

    @Override
    public SingleImageDetector withThreshold(double t) {
        return new SingleImageDetector(classifier, t);
    }

    /** Every box down to {@link #CANDIDATE_FLOOR}, best first (for threshold sweeps in eval and training). */
    @Override
    public DetectionResult detectAll(Mat bgr) {
        DetectionResult raw = candidates(bgr);
        return new DetectionResult(raw.maxScore(), suppress(raw.detections()));
    }

    /** Every scanned window scoring at least {@link #CANDIDATE_FLOOR}, before suppression (diagnostics). */
    public DetectionResult candidates(Mat bgr) {
        double norm = Math.min(1.0, MAX_SHORT_SIDE / (double) Math.min(bgr.cols(), bgr.rows()));
        int input = classifier.metadata().inputSize();
        int pad = input / 2;
        List<Detection> candidates = new ArrayList<>();
        double maxScore = 0;
        double shortSide = Math.min(bgr.cols(), bgr.rows()) * norm;
        for (double frac : WINDOW_FRACTIONS) {
            double window = frac * shortSide;
            double s = input / window * norm; // original pixels -> scan pixels
            int w = Math.max(input, (int) Math.round(bgr.cols() * s)), h = Math.max(input, (int) Math.round(bgr.rows() * s));
            float[][] map;
            try (Mat scaled = new Mat()) {
                resize(bgr, scaled, new Size(w, h), 0, 0, INTER_AREA);
                map = classifier.scoreMap(scaled, pad);
            }
            double sx = bgr.cols() / (double) w, sy = bgr.rows() / (double) h;
            for (int r = 0; r < map.length; r++) {
                for (int c = 0; c < map[r].length; c++) {
                    float p = map[r][c];
                    maxScore = Math.max(maxScore, p);
                    if (p < CANDIDATE_FLOOR) continue;
                    PixelBox win = new PixelBox((c * GarbageNet.STRIDE - pad) * sx, (r * GarbageNet.STRIDE - pad) * sy,
                            input * sx, input * sy);
                    candidates.add(new Detection(Detection.EXPOSED_GARBAGE, p, objectBox(win, bgr.cols(), bgr.rows())));
                }
            }
        }
        return new DetectionResult(maxScore, candidates);
    }

    /** The object box a window stands for (inverse of the crop padding), clipped to the image. */
    private static PixelBox objectBox(PixelBox win, int width, int height) {
        double side = win.w() / PatchSampler.CROP_PAD, sideY = win.h() / PatchSampler.CROP_PAD;
        return new PixelBox(win.cx() - side / 2, win.cy() - sideY / 2, side, sideY).clip(width, height);
    }

    static List<Detection> suppress(List<Detection> candidates) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        // bounded work on pathological inputs (an untrained or confused model lights up every window)
        if (sorted.size() > MAX_CANDIDATES) sorted = sorted.subList(0, MAX_CANDIDATES);
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (d.box().area() <= 0) continue;
            boolean overlaps = kept.stream().anyMatch(k -> k.box().iou(d.box()) > NMS_IOU
                    || k.box().intersection(d.box()) > 0.8 * Math.min(k.box().area(), d.box().area()));
            if (!overlaps) kept.add(d);
        }
        List<Detection> refined = new ArrayList<>();
        for (Detection k : kept) refined.add(new Detection(k.category(), k.score(), vote(k, sorted)));
        return refined;
    }

    private static PixelBox vote(Detection k, List<Detection> all) {
        double wsum = 0, x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        for (Detection d : all) {
            if (d.box().iou(k.box()) < VOTE_IOU) continue;
            double wgt = d.score();
            wsum += wgt;
            x0 += wgt * d.box().x();
            y0 += wgt * d.box().y();
            x1 += wgt * (d.box().x() + d.box().w());
            y1 += wgt * (d.box().y() + d.box().h());
        }
        return new PixelBox(x0 / wsum, y0 / wsum, (x1 - x0) / wsum, (y1 - y0) / wsum);
    }
}
