package cn.xuncha.models.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Metrics of one evaluation run (with the threshold sweep); {@link #table()} for people, the record itself serialises to JSON. */
public record EvalReport(
        String dataset,
        int images,
        int unreadableImages,
        int boxes,
        double detectionThreshold,
        double operatingThreshold,
        double imageAuroc,
        int positiveImages,
        int negativeImages,
        double imagePrecision,
        double imageRecall,
        double boxRecallIou03,
        double falseBoxesPerImage,
        PatchMetrics patches,
        double secondsPerImage,
        StrictPoint strict,
        List<CurvePoint> curve) {

    /** The operating budget: best box recall with at most this many false boxes per image. */
    public static final double FALSE_BOX_BUDGET = 0.5;

    /**
     * Box recall and false boxes at the lowest threshold within {@link #FALSE_BOX_BUDGET}, and for a two-stage detector
     * where the boxes missed there were lost (else null), and where its false boxes lie.
     */
    public record StrictPoint(double threshold, double boxRecallIou03, double falseBoxesPerImage, MissedBoxes missed, FalseBoxes falses) {}

    /** Box recall and false boxes per image at one threshold: the sweep lets a deployment pick its own operating point. */
    public record CurvePoint(double threshold, double boxRecallIou03, double falseBoxesPerImage) {}

    public Map<String, Double> asMetrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "box_recall_iou0.3", boxRecallIou03);
        m.put(prefix + "false_boxes_per_image", falseBoxesPerImage);
        m.put(prefix + "image_auroc", imageAuroc);
        m.put(prefix + "patch_auroc", patches.auroc());
        m.put(prefix + "patch_precision", patches.precision());
        m.put(prefix + "patch_recall", patches.recall());
        m.put(prefix + "patch_fpr", patches.falsePositiveRate());
        return m;
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "dataset             %s%n", dataset));
        row(sb, "images (unreadable)", images + " (" + unreadableImages + ")");
        row(sb, "labelled boxes", String.valueOf(boxes));
        row(sb, "thresholds det/op", f(detectionThreshold) + " / " + f(operatingThreshold));
        row(sb, "image AUROC", f(imageAuroc) + "  (" + positiveImages + " with garbage, " + negativeImages + " without)");
        row(sb, "image precision", f(imagePrecision));
        row(sb, "image recall", f(imageRecall));
        row(sb, "box recall @IoU0.3", f(boxRecallIou03));
        row(sb, "false boxes/image", f(falseBoxesPerImage));
        row(sb, "at <=" + FALSE_BOX_BUDGET + " false/img", "box recall " + f(strict.boxRecallIou03()) + ", false boxes/image "
                + f(strict.falseBoxesPerImage()) + " (threshold " + f(strict.threshold()) + ")");
        if (strict.missed() != null && boxes > 0) {
            MissedBoxes m = strict.missed();
            row(sb, "missed there", "no box near " + f(m.noBoxNear() / (double) boxes) + ", scored low " + f(m.scoredLow() / (double) boxes)
                    + ", suppressed " + f(m.suppressed() / (double) boxes) + " (shares of labelled boxes)");
        }
        int read = images - unreadableImages;
        if (strict.falses() != null && read > 0) {
            FalseBoxes fb = strict.falses();
            row(sb, "false there", "2nd box on a found bag " + f(fb.onFoundBag() / (double) read) + ", on bags but none fitted "
                    + f(fb.onBags() / (double) read) + ", off bags " + f(fb.offBags() / (double) read) + " (per image)");
        }
        row(sb, "patch AUROC", f(patches.auroc()) + "  (" + patches.positives() + " bag crops, "
                + patches.negatives() + " background patches)");
        row(sb, "patch P/R/FPR @op", f(patches.precision()) + " / " + f(patches.recall()) + " / "
                + f(patches.falsePositiveRate()));
        row(sb, "seconds/image", f(secondsPerImage));
        return sb.toString();
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append(String.format(Locale.ROOT, "%-19s %s%n", k, v));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
