package cn.xuncha.models.eval;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
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
        boolean[] used = found(threshold, minIou);
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
        boolean[] used = found(threshold, minIou);
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

    /** What a detection scoring >= threshold came to: a labelled bag's match, or a false box by where it lies. */
    public enum Place { MATCHED, ON_FOUND_BAG, ON_BAGS, OFF_BAGS }

    /**
     * Where the detections scoring >= threshold that match no labelled box lie: IoU >= minIou with a bag another box
     * matched; at least half their area on labelled bags (part of a bag, or across several); or off the bags.
     */
    public FalseBoxes falseBoxes(double threshold, double minIou) {
        int onFound = 0, onBags = 0, off = 0;
        for (Place p : places(threshold, minIou)) {
            if (p == Place.ON_FOUND_BAG) onFound++; else if (p == Place.ON_BAGS) onBags++; else if (p == Place.OFF_BAGS) off++;
        }
        return new FalseBoxes(onFound, onBags, off);
    }

    /** Each candidate's place at this threshold, in candidate order; null for those scoring below it. */
    public List<Place> places(double threshold, double minIou) {
        Matching m = match(threshold, minIou);
        List<Place> out = new ArrayList<>(candidates.size());
        for (int j = 0; j < candidates.size(); j++) {
            PixelBox b = candidates.get(j).box();
            if (candidates.get(j).score() < threshold) {
                out.add(null);
                continue;
            }
            if (m.detectionMatched()[j]) {
                out.add(Place.MATCHED);
                continue;
            }
            double bestIou = 0, covered = 0;
            for (PixelBox t : truth) {
                bestIou = Math.max(bestIou, b.iou(t));
                covered += b.intersection(t);
            }
            // labelled bags may overlap each other: the summed cover is capped by the box itself
            out.add(bestIou >= minIou ? Place.ON_FOUND_BAG : Math.min(covered, b.area()) >= 0.5 * b.area() ? Place.ON_BAGS : Place.OFF_BAGS);
        }
        return out;
    }

    /** Which labelled boxes detections scoring >= threshold matched one-to-one, in truth order. */
    public boolean[] found(double threshold, double minIou) {
        return match(threshold, minIou).truthUsed();
    }

    /** Which labelled boxes and which candidates the one-to-one matching paired. */
    private record Matching(boolean[] truthUsed, boolean[] detectionMatched) {}

    private Matching match(double threshold, double minIou) {
        boolean[] used = new boolean[truth.size()], matched = new boolean[candidates.size()];
        for (int j = 0; j < candidates.size(); j++) {
            Detection d = candidates.get(j);
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
            if (best >= 0) {
                used[best] = true;
                matched[j] = true;
            }
        }
        return new Matching(used, matched);
    }

    public long detections(double threshold) {
        return candidates.stream().filter(d -> d.score() >= threshold).count();
    }
}
