package cn.xuncha.models;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Scores object crops: the probability of garbage per crop (the patch classifier, or a fake in tests). */
public interface CropScorer {

    /** One probability per crop, in order; crops of any size. */
    float[] scoreBatch(List<Mat> bgrCrops);

    /** Side of the square crops the scorer looks at, in pixels (crops are resized to it). */
    int cropSize();

    /** How eval and logs name this second stage after the box detector ("box head on X + verifier"). */
    default String stageName() {
        return "verifier";
    }
}
