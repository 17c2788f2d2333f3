package cn.xuncha.scan;

import cn.xuncha.analysis.CropClassifier;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Test classifier: every candidate crop scores 0.9, so what the static-change analysis finds becomes a finding. */
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
