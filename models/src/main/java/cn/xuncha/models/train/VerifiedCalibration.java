package cn.xuncha.models.train;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.eval.EvalReport;
import cn.xuncha.models.eval.Evaluator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets the thresholds of the two-stage detector ({@link VerifiedDetector}: box peaks rescored by the patch classifier)
 * on the valid photos, as the box detector's own are set: best box F1, and the strict point within the false-box
 * budget. Its scores are a different scale from the centre scores, so they need thresholds of their own.
 */
public final class VerifiedCalibration {
    private VerifiedCalibration() {}

    /** The thresholds and their valid metrics, under the metric names {@link VerifiedDetector} reads back. */
    static Map<String, Double> metrics(BoxDetector boxes, GarbageClassifier verifier, List<LabeledImage> valid, long seed,
            double falseBoxBudget) throws IOException {
        return metrics(new Evaluator(null, new VerifiedDetector(boxes, verifier, 0.5)).run(valid, seed, () -> {}), falseBoxBudget);
    }

    /** One line of what {@link #metrics} set, for training logs. */
    public static String summary(Map<String, Double> m) {
        return String.format(java.util.Locale.ROOT, "verified detection threshold %.2f: valid box recall %.3f at %.2f false "
                + "boxes/image; strict %.2f: recall %.3f at %.2f", m.get(VerifiedDetector.THRESHOLD_METRIC),
                m.get("valid_verified_box_recall_iou0.3"), m.get("valid_verified_false_boxes_per_image"),
                m.get(VerifiedDetector.STRICT_THRESHOLD_METRIC), m.get("valid_verified_strict_box_recall_iou0.3"),
                m.get("valid_verified_strict_false_boxes_per_image"));
    }

    /** As above, from an evaluation of the two-stage detector already run on the valid photos. */
    static Map<String, Double> metrics(Evaluator ev, double falseBoxBudget) {
        double det = ev.thresholdForBestBoxF1();
        double strict = ev.thresholdForFalseBoxes(falseBoxBudget);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(VerifiedDetector.THRESHOLD_METRIC, det);
        m.put(VerifiedDetector.STRICT_THRESHOLD_METRIC, strict);
        EvalReport r = ev.report("valid", det, det);
        m.put("valid_verified_box_recall_iou0.3", r.boxRecallIou03());
        m.put("valid_verified_false_boxes_per_image", r.falseBoxesPerImage());
        EvalReport s = ev.report("valid", strict, strict);
        m.put("valid_verified_strict_box_recall_iou0.3", s.boxRecallIou03());
        m.put("valid_verified_strict_false_boxes_per_image", s.falseBoxesPerImage());
        return m;
    }
}
