package cn.xuncha.models;

import cn.xuncha.models.boxes.BoxDetector;
import java.util.function.Supplier;

/**
 * Which single-image detector to use: the box detector verified by the classifier when the shipped box model was
 * calibrated for it, else the box detector alone, else the classifier's window scan.
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

    /** The box detector verified by the classifier if its metadata holds the thresholds for that, else alone. */
    public static ImageDetector withVerifier(BoxDetector boxes, Supplier<GarbageClassifier> classifier) {
        if (!boxes.metadata().validationMetrics().containsKey(VerifiedDetector.THRESHOLD_METRIC)) return boxes;
        return VerifiedDetector.calibrated(boxes, classifier.get()).orElseThrow();
    }
}
