package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Estimates the global exposure change between a sample and the reference as the median log ratio over a
 * coarse grid: robust to objects and people covering up to half of the analysed area.
 */
final class GlobalGain implements AutoCloseable {
    private static final int GRID_W = 64;
    private final Mat a = new Mat();
    private final Mat b = new Mat();
    private final Mat m = new Mat();
    private float[] diff = new float[0];
    private byte[] mask = new byte[0];

    /** @return median of {@code curLog - refLog} over cells inside {@code area}; 0 if the area is empty */
    double estimate(Mat curLog, Mat refLog, Mat area) {
        int gh = Math.max(1, Math.round(GRID_W * curLog.rows() / (float) curLog.cols()));
        Size grid = new Size(GRID_W, gh);
        resize(curLog, a, grid, 0, 0, INTER_AREA);
        resize(refLog, b, grid, 0, 0, INTER_AREA);
        resize(area, m, grid, 0, 0, INTER_NEAREST);
        subtract(a, b, a);
        int n = GRID_W * gh;
        if (diff.length != n) {
            diff = new float[n];
            mask = new byte[n];
        }
        a.data().capacity(4L * n).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer().get(diff);
        m.data().capacity(n).get(mask);
        int k = 0;
        for (int i = 0; i < n; i++) if (mask[i] != 0) diff[k++] = diff[i];
        if (k == 0) return 0;
        Arrays.sort(diff, 0, k);
        return diff[k / 2];
    }

    @Override
    public void close() {
        a.close();
        b.close();
        m.close();
    }
}
