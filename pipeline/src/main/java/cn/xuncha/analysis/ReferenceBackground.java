package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.accumulateWeighted;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * The long-term "clean scene" of one camera view: the per-pixel median of the first samples (so people
 * passing during learning do not stay in it), adapted slowly on pixels that are plain background, so
 * gradual day/night drift is followed while static objects are not absorbed.
 */
final class ReferenceBackground implements AutoCloseable {
    private static final int REFRESH_EVERY = 10;
    private final int learnSamples;
    private final double alpha;
    private final List<Mat> learning = new ArrayList<>();
    private final Mat refF = new Mat();
    final Mat image = new Mat();
    final FrameFeatures features = new FrameFeatures();
    private boolean ready;
    private boolean colour;
    private int adaptCount;

    ReferenceBackground(int learnSamples, double alpha) {
        this.learnSamples = Math.max(1, learnSamples);
        this.alpha = alpha;
    }

    boolean ready() {
        return ready;
    }

    /** Whether the reference was learned from colour frames (false: night/IR monochrome). */
    boolean colour() {
        return colour;
    }

    /** Adds one analysis-size BGR sample; returns true when this sample completed the reference. */
    boolean learn(Mat small) {
        learning.add(small.clone());
        if (learning.size() < learnSamples) return false;
        try (Mat median = median(learning)) {
            median.convertTo(refF, CV_32FC3);
            median.copyTo(image);
        }
        clearLearning();
        features.compute(image);
        colour = features.colourfulness() >= ColourMode.MIN_COLOURFULNESS;
        ready = true;
        adaptCount = 0;
        return true;
    }

    /** Blends the sample into the reference where {@code backgroundMask} is set. */
    void adapt(Mat small, Mat backgroundMask) {
        accumulateWeighted(small, refF, alpha, backgroundMask);
        if (++adaptCount % REFRESH_EVERY == 0) refresh();
    }

    /** Replaces the reference inside {@code region} by the sample: used for ghosts (objects that left the reference). */
    void absorb(Mat small, Rect region) {
        try (Mat src = new Mat(small, region); Mat dst = new Mat(refF, region)) {
            src.convertTo(dst, CV_32FC3);
        }
        refresh();
    }

    void reset() {
        clearLearning();
        ready = false;
    }

    private void refresh() {
        refF.convertTo(image, CV_8UC3);
        features.compute(image);
    }

    private static Mat median(List<Mat> frames) {
        Mat first = frames.get(0);
        int n = (int) (first.total() * first.channels());
        byte[][] data = new byte[frames.size()][n];
        for (int f = 0; f < frames.size(); f++) frames.get(f).data().capacity(n).get(data[f]);
        byte[] out = new byte[n];
        int[] v = new int[frames.size()];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < v.length; f++) v[f] = data[f][i] & 0xff;
            java.util.Arrays.sort(v);
            out[i] = (byte) v[v.length / 2];
        }
        Mat m = new Mat(first.rows(), first.cols(), first.type());
        m.data().capacity(n).put(out);
        return m;
    }

    private void clearLearning() {
        learning.forEach(Mat::close);
        learning.clear();
    }

    @Override
    public void close() {
        clearLearning();
        refF.close();
        image.close();
        features.close();
    }
}
