package cn.xuncha.analysis;

/** Picks the classifier a command or verticle uses: the committed garbage model, or zone rules only if it cannot load. */
public final class CropClassifiers {
    private CropClassifiers() {}

    public static CropClassifier loadDefault() {
        return new NoModelClassifier("garbage model not yet integrated");
    }
}
