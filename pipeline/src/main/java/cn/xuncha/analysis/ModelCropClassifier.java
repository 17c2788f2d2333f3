package cn.xuncha.analysis;

import cn.xuncha.models.GarbageClassifier;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The trained DL4J garbage model ({@link GarbageClassifier}) as the analysis stage's crop classifier. */
public final class ModelCropClassifier implements CropClassifier {
    private final GarbageClassifier model;

    public ModelCropClassifier(GarbageClassifier model) {
        this.model = model;
    }

    /** The model committed under models/trained (throws if there is none). */
    public static ModelCropClassifier loadDefault() {
        return new ModelCropClassifier(GarbageClassifier.loadDefault());
    }

    @Override
    public float[] score(List<Mat> bgrCrops) {
        return bgrCrops.isEmpty() ? new float[0] : model.scoreBatch(bgrCrops);
    }

    @Override
    public double threshold() {
        return model.metadata().operatingThreshold();
    }

    @Override
    public double cropPadding() {
        return model.metadata().cropPadding();
    }

    @Override
    public String describe() {
        String fp = model.metadata().dataFingerprint();
        if (fp == null) return GarbageClassifier.MODEL_NAME;
        String hex = fp.substring(fp.indexOf(':') + 1);
        return GarbageClassifier.MODEL_NAME + " (data " + hex.substring(0, Math.min(12, hex.length())) + ")";
    }

    @Override
    public void close() {
        model.close();
    }
}
