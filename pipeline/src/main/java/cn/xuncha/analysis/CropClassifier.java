package cn.xuncha.analysis;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Scores candidate crops for garbage. Implementations need not be thread-safe: each camera worker
 * calls its own instance (or the caller serialises access).
 */
public interface CropClassifier extends AutoCloseable {

    /** Garbage probability in [0,1] per BGR crop, same order as the input; the crops stay owned by the caller. */
    float[] score(List<Mat> bgrCrops);

    /** Score at or above which a crop counts as garbage (the model's operating threshold). */
    double threshold();

    /** Crops are squares of side max(w,h) × this factor centred on the object box (the context the model was trained with). */
    default double cropPadding() {
        return 1.4;
    }

    /** Short human description for logs and benchmark output (e.g. model name and version). */
    default String describe() {
        return getClass().getSimpleName();
    }

    @Override
    default void close() {}
}
