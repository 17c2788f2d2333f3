package cn.xuncha.models;

import cn.xuncha.models.boxes.BoxDecoder;
import cn.xuncha.models.boxes.BoxDetector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Two-stage single-image detection: every centre peak of the box detector is rescored by the patch classifier on the
 * box's padded square crop, a box keeps the geometric mean of both scores, and only then are overlapping boxes
 * suppressed. The networks learned from different views (whole scenes vs. object crops), so a box both agree on is
 * far more often a bag than one only the box detector likes; suppressing after rescoring keeps the better-verified
 * box of an overlapping pair (trashbags-kr valid+test, recall at <= 0.5 false boxes per image: 0.271 box detector
 * alone, 0.321 rescored after its suppression, 0.349 rescored before it; models/README.md). A verifier that can
 * tighten boxes ({@link FeatureVerifier}) places each box before suppression too.
 */
public final class VerifiedDetector implements ImageDetector {
    /** Metadata keys (in the box model's validation metrics) of the thresholds set by training on the valid split. */
    public static final String THRESHOLD_METRIC = "verified_detection_threshold";
    public static final String STRICT_THRESHOLD_METRIC = "verified_strict_detection_threshold";
    /** The verifier trained on the box detector's proposals ships under this name; its metadata names that box model. */
    public static final String VERIFIER_MODEL_NAME = "garbage-verifier";
    /** The verifier for the box head on the pre-trained backbone (a second box model, so a second verifier). */
    public static final String PRETRAINED_VERIFIER_MODEL_NAME = "garbage-verifier-pretrained";
    public static final String BOX_MODEL_KEY = "box_model_sha256";
    /** Bounds the classifier's work on a confused map; valid photos have far fewer peaks. */
    public static final int MAX_PROPOSALS = 128;

    private final BoxProposer proposer;
    private final CropScorer classifier;
    private final double threshold;

    public VerifiedDetector(BoxProposer proposer, CropScorer classifier, double threshold) {
        this.proposer = proposer;
        this.classifier = classifier;
        this.threshold = threshold;
    }

    /**
     * The threshold detections are reported at: the strict point set on the valid photos (the highest box recall within
     * the false-box budget, 0.5 per image) when these metrics record one, else the best-F1 threshold, else fallback.
     * Patrol staff act on every flag, and the target is stated at that budget; the F1 point costs half again
     * as many false boxes for 0.05 more recall (trashbags-kr valid+test: 0.781 at 0.77 false boxes per image against
     * 0.732 at 0.48). {@code --threshold} still picks any other point.
     */
    public static double reportingThreshold(Map<String, Double> metrics, double fallback) {
        if (metrics == null) return fallback;
        Double strict = metrics.get(STRICT_THRESHOLD_METRIC);
        if (strict != null) return strict;
        Double best = metrics.get(THRESHOLD_METRIC);
        return best != null ? best : fallback;
    }

    /** {@link #reportingThreshold(Map, double)} of a verifier's own metadata. */
    public static double reportingThreshold(ModelMetadata verifier) {
        return reportingThreshold(verifier.validationMetrics(), verifier.detectionThreshold());
    }

    /** Whether a verifier was trained on the proposals of exactly this box model zip (a retrained one needs a new verifier). */
    public static boolean trainedOn(ModelMetadata verifier, String boxSha256) {
        return boxSha256 != null && boxSha256.equals(verifier.training().get(BOX_MODEL_KEY));
    }

    /** What {@link #detectAll} keeps, and every scored (and moved) box before suppression: where eval sees a bag lost. */
    public record Stages(DetectionResult kept, List<Detection> beforeSuppression) {}

    @Override
    public DetectionResult detectAll(Mat bgr) {
        return detectStages(bgr).kept();
    }

    public Stages detectStages(Mat bgr) {
        List<Detection> peaks = proposer.proposals(bgr).detections().stream()
                .sorted(Comparator.comparingDouble(Detection::score).reversed()).limit(MAX_PROPOSALS).toList();
        CropScorer.Verdict verdict = classifier.verify(bgr, peaks.stream().map(Detection::box).toList());
        List<Detection> rescored = new ArrayList<>();
        double max = 0;
        for (int i = 0; i < peaks.size(); i++) {
            Detection d = peaks.get(i);
            double s = Math.sqrt(d.score() * verdict.scores()[i]);
            max = Math.max(max, s);
            if (verdict.boxes().get(i).area() > 0) rescored.add(new Detection(d.category(), s, verdict.boxes().get(i)));
        }
        return new Stages(new DetectionResult(max, BoxDecoder.suppress(rescored)), rescored);
    }

    @Override
    public double detectionThreshold() {
        return threshold;
    }

    /** The lowest peaks (0.1) with a sure classifier verdict land near 0.3; below 0.15 nothing is left to sweep. */
    @Override
    public double lowestUsefulThreshold() {
        return 0.15;
    }

    @Override
    public String description() {
        // "box detector + verifier", or "box head on <backbone> at 256+384 px + feature verifier, tiled": eval's dataset
        // line says which ran
        BoxProposer p = proposer instanceof TiledProposer t ? t.inner() : proposer;
        String scales = p instanceof MultiScaleProposer m ? " " + m.scales() : "";
        if (p instanceof MultiScaleProposer m) p = m.boxes();
        String boxes = p instanceof ImageDetector d ? d.description().replace(" alone", "") : "box detector";
        return boxes + scales + " + " + classifier.stageName() + (proposer instanceof TiledProposer ? ", tiled" : "");
    }

    @Override
    public VerifiedDetector withThreshold(double t) {
        return new VerifiedDetector(proposer, classifier, t);
    }
}
