package cn.xuncha.models;

import cn.xuncha.models.boxes.BoxDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One box model's proposals at several input scales, pooled before the second stage. At its training scale the model
 * misses small bags in crowded piles (one centre peak for two neighbours, or none for a bag a few cells wide); at 1.5x
 * it finds them, with more loose boxes that a verifier must sort out (trashbags-kr valid+test: boxes with IoU >= 0.3
 * among the proposals 0.836 at 256 px, 0.940 at 256 + 384 px; models/README.md).
 */
public final class MultiScaleProposer implements BoxProposer {
    private final BoxDetector boxes;
    private final List<Integer> shortSides;

    public MultiScaleProposer(BoxDetector boxes, List<Integer> shortSides) {
        if (shortSides.isEmpty()) throw new IllegalArgumentException("a multi-scale proposer needs at least one scale");
        this.boxes = boxes;
        this.shortSides = List.copyOf(shortSides);
    }

    public BoxDetector boxes() {
        return boxes;
    }

    public List<Integer> shortSides() {
        return shortSides;
    }

    @Override
    public DetectionResult proposals(Mat bgr) {
        List<Detection> all = new ArrayList<>();
        double max = 0;
        for (int side : shortSides) {
            DetectionResult r = boxes.proposalsAt(bgr, side);
            max = Math.max(max, r.maxScore());
            all.addAll(r.detections());
        }
        return new DetectionResult(max, all);
    }

    /** "at 256+384 px", for descriptions. */
    public String scales() {
        return "at " + shortSides.stream().map(String::valueOf).collect(Collectors.joining("+")) + " px";
    }
}
