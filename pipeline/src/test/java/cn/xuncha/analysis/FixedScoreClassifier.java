package cn.xuncha.analysis;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test classifier: every crop gets the same score; remembers crop sizes so tests can check what was scored. */
final class FixedScoreClassifier implements CropClassifier {
    private final float score;
    final List<int[]> scoredSizes = new ArrayList<>();

    FixedScoreClassifier(float score) {
        this.score = score;
    }

    @Override
    public float[] score(List<Mat> bgrCrops) {
        float[] out = new float[bgrCrops.size()];
        for (int i = 0; i < out.length; i++) {
            scoredSizes.add(new int[] {bgrCrops.get(i).cols(), bgrCrops.get(i).rows()});
            out[i] = score;
        }
        return out;
    }

    @Override
    public double threshold() {
        return 0.5;
    }
}
