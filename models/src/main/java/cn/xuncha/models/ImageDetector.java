package cn.xuncha.models;

import org.bytedeco.opencv.opencv_core.Mat;

/** Finds garbage boxes in one photo without a reference view (nightly scans, uploaded photos, {@code detect}). */
public interface ImageDetector {

    /** Boxes at or above the detection threshold. */
    default DetectionResult detect(Mat bgr) {
        DetectionResult all = detectAll(bgr);
        return new DetectionResult(all.maxScore(),
                all.detections().stream().filter(d -> d.score() >= detectionThreshold()).toList());
    }

    /** Every box the detector proposes, best first, with scores down to its own floor (for threshold sweeps). */
    DetectionResult detectAll(Mat bgr);

    double detectionThreshold();

    /** Lowest threshold worth sweeping when calibrating: below it the scores carry no box information. */
    double lowestUsefulThreshold();

    /** The same detector with another threshold (the {@code --threshold} option, strict operating points). */
    ImageDetector withThreshold(double threshold);

    /** What this detector is, for reports that must say what they measured. */
    String description();
}
