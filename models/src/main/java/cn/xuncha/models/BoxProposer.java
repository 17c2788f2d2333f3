package cn.xuncha.models;

import org.bytedeco.opencv.opencv_core.Mat;

/** Proposes scored garbage boxes in one photo before any suppression, for a second stage to rescore. */
public interface BoxProposer {

    /** Every candidate box in original pixels with the proposer's score; overlapping boxes not yet suppressed. */
    DetectionResult proposals(Mat bgr);
}
