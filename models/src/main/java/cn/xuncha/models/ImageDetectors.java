package cn.xuncha.models;

import cn.xuncha.models.boxes.BoxDetector;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which single-image detector to use: the box detector verified by the shipped verifier trained on its proposals
 * (the one on the backbone's features first, then the fine-tuned patch classifier), else by the patch classifier when
 * the box model was calibrated for that, else the box detector alone; without a box model, the classifier's window scan.
 */
public final class ImageDetectors {

    private ImageDetectors() {}

    public static ImageDetector defaultFor(GarbageClassifier classifier) {
        return defaultOr(() -> classifier);
    }

    /** As {@link #defaultFor}, loading the classifier only when it is needed. */
    public static ImageDetector defaultOr(Supplier<GarbageClassifier> classifier) {
        return BoxDetector.loadDefault().map(b -> withVerifier(b, classifier)).orElseGet(() -> new SingleImageDetector(classifier.get()));
    }

    /** The box detector with the best second stage that fits it (see the class comment). */
    public static ImageDetector withVerifier(BoxDetector boxes, Supplier<GarbageClassifier> classifier) {
        return withVerifier(boxes, classifier, true);
    }

    /** As {@link #withVerifier(BoxDetector, Supplier)}; tiled: large frames are also proposed on in tiles ({@link TiledProposer}). */
    public static ImageDetector withVerifier(BoxDetector boxes, Supplier<GarbageClassifier> classifier, boolean tiled) {
        Optional<FeatureVerifier> onFeatures = FeatureVerifier.loadShipped(boxes);
        if (onFeatures.isPresent()) return verifiedOnFeatures(boxes, onFeatures.get(), tiled);
        BoxProposer proposer = tiled ? new TiledProposer(boxes) : boxes;
        Optional<GarbageClassifier> trained = shippedVerifier(boxes);
        if (trained.isPresent()) return new VerifiedDetector(proposer, trained.get(), VerifiedDetector.reportingThreshold(trained.get().metadata()));
        Map<String, Double> calibration = boxes.metadata().validationMetrics();
        if (calibration == null || !calibration.containsKey(VerifiedDetector.THRESHOLD_METRIC)) return boxes;
        return new VerifiedDetector(proposer, classifier.get(), VerifiedDetector.reportingThreshold(calibration, 0.5));
    }

    /** The box model proposing at the scales the feature verifier was trained on, rescored by it at its threshold. */
    public static VerifiedDetector verifiedOnFeatures(BoxDetector boxes, FeatureVerifier verifier, boolean tiled) {
        BoxProposer scales = new MultiScaleProposer(boxes, FeatureVerifier.proposalSides(verifier.metadata(), boxes));
        return new VerifiedDetector(tiled ? new TiledProposer(scales) : scales, verifier, VerifiedDetector.reportingThreshold(verifier.metadata()));
    }

    /** The name of the verifier trained for this box model: one per box model that ships. */
    public static String verifierNameFor(BoxDetector boxes) {
        return boxes.backbone() == null ? VerifiedDetector.VERIFIER_MODEL_NAME : VerifiedDetector.PRETRAINED_VERIFIER_MODEL_NAME;
    }

    /** The shipped verifier trained on this box model's proposals, if there is one (checked by the box model's digest). */
    public static Optional<GarbageClassifier> shippedVerifier(BoxDetector boxes) {
        return GarbageClassifier.loadShipped(verifierNameFor(boxes)).filter(v -> VerifiedDetector.trainedOn(v.metadata(), boxes.sha256()));
    }
}
