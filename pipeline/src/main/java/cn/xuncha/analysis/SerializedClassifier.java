package cn.xuncha.analysis;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Lets all cameras of a node share one (not thread-safe) classifier: one model in memory, calls take turns. */
public final class SerializedClassifier implements CropClassifier {
    private final CropClassifier inner;

    public SerializedClassifier(CropClassifier inner) {
        this.inner = inner;
    }

    @Override
    public synchronized float[] score(List<Mat> bgrCrops) {
        return inner.score(bgrCrops);
    }

    @Override
    public double threshold() {
        return inner.threshold();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public synchronized void close() {
        inner.close();
    }
}
