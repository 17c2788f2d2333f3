package cn.xuncha.models;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/** Benchmark hook: per-crop latency of the committed classifier on synthetic crops of mixed sizes. */
public final class ClassifierBench {

    /** Single-crop latency (median, p95) and amortised per-crop time when scoring in one batch. */
    public record Result(int crops, double medianMs, double p95Ms, double batchedMsPerCrop) {}

    private ClassifierBench() {}

    public static Result run(int crops) {
        try (GarbageClassifier clf = GarbageClassifier.loadDefault()) {
            return run(clf, crops);
        }
    }

    public static Result run(GarbageClassifier clf, int crops) {
        Random rnd = new Random(7);
        List<Mat> mats = new ArrayList<>();
        try {
            for (int i = 0; i < crops; i++) {
                int side = 40 + rnd.nextInt(200);
                Mat m = new Mat(side, side + rnd.nextInt(40), opencv_core.CV_8UC3);
                byte[] px = new byte[m.rows() * m.cols() * 3];
                rnd.nextBytes(px);
                m.data().put(px);
                mats.add(m);
            }
            for (int i = 0; i < Math.min(20, crops); i++) clf.score(mats.get(i)); // warm-up (JIT, ND4J workspaces)
            double[] ms = new double[crops];
            for (int i = 0; i < crops; i++) {
                long t = System.nanoTime();
                clf.score(mats.get(i));
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            long t = System.nanoTime();
            clf.scoreBatch(mats);
            double batched = (System.nanoTime() - t) / 1e6 / crops;
            return new Result(crops, ms[crops / 2], ms[Math.min(crops - 1, (int) Math.ceil(crops * 0.95) - 1)], batched);
        } finally {
            mats.forEach(Mat::close);
        }
    }
}
