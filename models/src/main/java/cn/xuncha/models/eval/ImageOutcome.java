package cn.xuncha.models.eval;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.List;

/** Ground truth and all candidate detections (down to the detector's floor) of one evaluated image. */
public record ImageOutcome(String image, List<PixelBox> truth, List<Detection> candidates, double maxScore) {

    /** Boxes matched one-to-one (best score first) at IoU >= minIou, among detections scoring >= threshold. */
    public int matched(double threshold, double minIou) {
        boolean[] used = new boolean[truth.size()];
        int hits = 0;
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
            if (best >= 0) {
                used[best] = true;
                hits++;
            }
        }
        return hits;
    }

    public long detections(double threshold) {
        return candidates.stream().filter(d -> d.score() >= threshold).count();
    }
}
