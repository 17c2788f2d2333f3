package cn.xuncha.models;

import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Scores object crops: the probability of garbage per crop (the patch classifier, or a fake in tests). */
public interface CropScorer {

    /** One probability per crop, in order; crops of any size. */
    float[] scoreBatch(List<Mat> bgrCrops);

    /** One probability per box of this frame: each box's padded square window, cut at {@link #cropSize} and scored. */
    default float[] scoreBoxes(Mat bgr, List<PixelBox> boxes) {
        List<Mat> crops = new ArrayList<>();
        try {
            for (PixelBox b : boxes) crops.add(Crops.window(bgr, b.squareAround(PatchSampler.CROP_PAD), cropSize()));
            return scoreBatch(crops);
        } finally {
            crops.forEach(Mat::close);
        }
    }

    /** A score per box, and each box as the scorer would place it (the same boxes when it cannot refine them). */
    record Verdict(float[] scores, List<PixelBox> boxes) {}

    /** {@link #scoreBoxes}, with the boxes kept as they are; a scorer that can tighten boxes overrides this. */
    default Verdict verify(Mat bgr, List<PixelBox> boxes) {
        return new Verdict(scoreBoxes(bgr, boxes), boxes);
    }

    /** Side of the square crops the scorer looks at, in pixels (crops are resized to it). */
    int cropSize();

    /** How eval and logs name this second stage after the box detector ("box head on X + verifier"). */
    default String stageName() {
        return "verifier";
    }
}
