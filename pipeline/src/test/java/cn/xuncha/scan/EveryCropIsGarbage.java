package cn.xuncha.scan;

import cn.xuncha.analysis.CropClassifier;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test classifier standing in for the trained model: every candidate crop scores 0.9, so whatever the static-change
 * analysis finds against the reference becomes a finding. Scan tests use scenes where that is exactly the garbage.
 */
final class EveryCropIsGarbage implements CropClassifier {
    @Override
    public float[] score(List<Mat> crops) {
        float[] s = new float[crops.size()];
        java.util.Arrays.fill(s, 0.9f);
        return s;
    }

    @Override
    public double threshold() {
        return 0.5;
    }
}
