package cn.xuncha.models.eval;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.List;

/**
 * Ground truth and all candidate detections (down to the detector's floor) of one evaluated image; for a two-stage
 * detector also every verified box before suppression (else null), which tells where a missed bag was lost.
 */
public record ImageOutcome(String image, List<PixelBox> truth, List<Detection> candidates, double maxScore,
                           List<Detection> beforeSuppression) {

    public ImageOutcome(String image, List<PixelBox> truth, List<Detection> candidates, double maxScore) {
        this(image, truth, candidates, maxScore, null);
    }

    /** Boxes matched one-to-one (best score first) at IoU >= minIou, among detections scoring >= threshold. */
    public int matched(double threshold, double minIou) {
        boolean[] used = matchedTruth(threshold, minIou);
        int hits = 0;
        for (boolean u : used) if (u) hits++;
        return hits;
    }

    /**
     * Why each labelled box not matched at this threshold was missed: no verified box overlapped it before suppression,
     * the best that did scored below the threshold, or one scored above it and suppression (or a neighbour's match)
     * took it; all zero without the boxes before suppression.
     */
    public MissedBoxes missed(double threshold, double minIou) {
        if (beforeSuppression == null) return MissedBoxes.NONE;
        boolean[] used = matchedTruth(threshold, minIou);
        int none = 0, low = 0, suppressed = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (used[i]) continue;
            double best = -1;
            for (Detection d : beforeSuppression) {
                if (d.box().iou(truth.get(i)) >= minIou) best = Math.max(best, d.score());
            }
            if (best < 0) none++; else if (best < threshold) low++; else suppressed++;
        }
        return new MissedBoxes(none, low, suppressed);
    }

    private boolean[] matchedTruth(double threshold, double minIou) {
        boolean[] used = new boolean[truth.size()];
        for (Detection d : candidates) {
            if (d.score() < threshold) continue;
            int best = -1;
            double bestIou = minIou;
            for (int i = 0; i < truth.size(); i++) {
                double iou = d.box().iou(truth.get(i));
                if (!used[i] && iou >= bestIou) {
                    best = i;
                    bestIou = iou;
                }
            }
            if (best >= 0) used[best] = true;
        }
        return used;
    }

    public long detections(double threshold) {
        return candidates.stream().filter(d -> d.score() >= threshold).count();
    }
}
