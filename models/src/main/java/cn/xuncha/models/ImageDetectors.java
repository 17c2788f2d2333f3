package cn.xuncha.models;

import cn.xuncha.models.boxes.BoxDetector;
import java.util.function.Supplier;

/** Which single-image detector to use: the trained box detector when one ships, else the classifier's window scan. */
public final class ImageDetectors {

    private ImageDetectors() {}

    public static ImageDetector defaultFor(GarbageClassifier classifier) {
        return defaultOr(() -> classifier);
    }

    /** The box detector, else a window scan on the classifier the supplier loads (only then). */
    public static ImageDetector defaultOr(Supplier<GarbageClassifier> classifier) {
        return BoxDetector.loadDefault().<ImageDetector>map(d -> d).orElseGet(() -> new SingleImageDetector(classifier.get()));
    }
}
