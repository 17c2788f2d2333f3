package cn.xuncha.models.eval;

/** Patch-level classifier quality at one threshold. */
public record PatchMetrics(int positives, int negatives, double auroc, double threshold, double precision,
                           double recall, double falsePositiveRate) {

    public static PatchMetrics of(float[] scores, int[] labels, double threshold) {
        int tp = 0, fp = 0, pos = 0, neg = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean p = scores[i] >= threshold;
            if (labels[i] == 1) {
                pos++;
                if (p) tp++;
            } else {
                neg++;
                if (p) fp++;
            }
        }
        return new PatchMetrics(pos, neg, Auroc.of(scores, labels), threshold,
                tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp), pos == 0 ? Double.NaN : (double) tp / pos,
                neg == 0 ? Double.NaN : (double) fp / neg);
    }

    /** Threshold with the best F1 on these patches, clamped to a sensible band so it transfers to new cameras. */
    public static double bestF1Threshold(float[] scores, int[] labels) {
        double best = 0.5, bestF1 = -1;
        for (int t = 20; t <= 95; t++) {
            PatchMetrics m = of(scores, labels, t / 100.0);
            double f1 = m.precision + m.recall == 0 || Double.isNaN(m.precision) ? 0
                    : 2 * m.precision * m.recall / (m.precision + m.recall);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return Math.max(0.3, Math.min(0.9, best));
    }
}
