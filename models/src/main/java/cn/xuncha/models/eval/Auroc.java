package cn.xuncha.models.eval;

import java.util.Arrays;
import java.util.Comparator;

/** Area under the ROC curve by the rank statistic (ties count half); NaN when a class is missing. */
public final class Auroc {

    private Auroc() {}

    public static double of(float[] scores, int[] labels) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) idx[i] = i;
        Arrays.sort(idx, Comparator.comparingDouble(i -> scores[i]));
        double rankSumPos = 0;
        long pos = 0, neg = 0;
        int i = 0;
        while (i < idx.length) {
            int j = i;
            while (j + 1 < idx.length && scores[idx[j + 1]] == scores[idx[i]]) j++;
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                } else {
                    neg++;
                }
            }
            i = j + 1;
        }
        if (pos == 0 || neg == 0) return Double.NaN;
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }
}
