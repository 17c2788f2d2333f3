package cn.xuncha.analysis;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Used when no trained garbage model can be loaded: nothing scores as garbage, so only zone rules
 * (parking, vending, passage) produce findings. Callers say so in their output.
 */
public final class NoModelClassifier implements CropClassifier {
    private final String reason;

    public NoModelClassifier(String reason) {
        this.reason = reason;
    }

    @Override
    public float[] score(List<Mat> bgrCrops) {
        return new float[bgrCrops.size()];
    }

    @Override
    public double threshold() {
        return 1.01; // unreachable: no crop counts as garbage
    }

    @Override
    public String describe() {
        return "none (zone rules only: " + reason + ")";
    }
}
