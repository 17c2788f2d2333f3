package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Illumination-robust per-pixel features of one analysis-size BGR image, computed into reused buffers.
 * <ul>
 *   <li>{@code logL}: log(gray + 16) of the blurred gray image: a global gain or a shadow becomes an additive
 *       offset, so differences after removing the global offset are exposure-free;</li>
 *   <li>{@code cb, cr}: normalised chromaticity B/(B+G+R), R/(B+G+R): colour that neither brightness nor most shadows change;</li>
 *   <li>{@code chromaValid}: 255 where the pixel is bright enough for chromaticity to be more than noise.</li>
 * </ul>
 */
final class FrameFeatures implements AutoCloseable {
    /** light denoising only: heavier blur erases the fine texture of grey bags on grey pavement */
    private static final Size BLUR = new Size(3, 3);
    private final Mat logLut = logLut();
    private final Mat gray = new Mat();
    private final Mat bgrF = new Mat();
    private final Mat sum = new Mat();
    private final Mat channel = new Mat();
    private final Mat ones = new Mat(1, 3, CV_32F);
    private final Mat gridMask = new Mat();
    private final Mat gridValue = new Mat();
    private float[] cells = new float[0];
    private byte[] valid = new byte[0];
    final Mat logL = new Mat();
    final Mat cb = new Mat();
    final Mat cr = new Mat();
    final Mat chromaValid = new Mat();

    FrameFeatures() {
        try (FloatIndexer ix = ones.createIndexer()) {
            ix.put(0, 0, 1f, 1f, 1f);
        }
    }

    /** @param bgr analysis-size 8-bit BGR image */
    void compute(Mat bgr) {
        cvtColor(bgr, gray, COLOR_BGR2GRAY);
        GaussianBlur(gray, gray, BLUR, 0);
        LUT(gray, logLut, logL);
        bgr.convertTo(bgrF, CV_32FC3);
        transform(bgrF, sum, ones);
        // dark pixels: chromaticity is mostly sensor noise there
        threshold(sum, channel, 60, 255, THRESH_BINARY);
        channel.convertTo(chromaValid, CV_8U);
        sum.convertTo(sum, -1, 1, 1e-3);
        extractChannel(bgrF, channel, 0);
        divide(channel, sum, cb);
        extractChannel(bgrF, channel, 2);
        divide(channel, sum, cr);
    }

    /**
     * Median over a coarse grid of the chromaticity's distance from grey (valid cells only): near 0 for night/IR
     * (monochrome) frames. The median, so a few coloured objects in an IR frame do not make it a colour frame.
     */
    double colourfulness() {
        Size grid = new Size(Math.max(1, cb.cols() / 8), Math.max(1, cb.rows() / 8));
        resize(chromaValid, gridMask, grid, 0, 0, INTER_NEAREST);
        resize(cb, gridValue, grid, 0, 0, INTER_NEAREST);
        gridValue.convertTo(gridValue, -1, 1, -1.0 / 3);
        multiply(gridValue, gridValue, gridValue);
        resize(cr, channel, grid, 0, 0, INTER_NEAREST);
        channel.convertTo(channel, -1, 1, -1.0 / 3);
        multiply(channel, channel, channel);
        add(gridValue, channel, gridValue);
        int n = (int) gridValue.total();
        if (cells.length != n) {
            cells = new float[n];
            valid = new byte[n];
        }
        gridValue.data().capacity(4L * n).asByteBuffer().order(java.nio.ByteOrder.nativeOrder()).asFloatBuffer().get(cells);
        gridMask.data().capacity(n).get(valid);
        int k = 0;
        for (int i = 0; i < n; i++) if (valid[i] != 0) cells[k++] = cells[i];
        if (k == 0) return 0;
        java.util.Arrays.sort(cells, 0, k);
        return Math.sqrt(cells[k / 2]);
    }

    void copyTo(FrameFeatures o) {
        logL.copyTo(o.logL);
        cb.copyTo(o.cb);
        cr.copyTo(o.cr);
        chromaValid.copyTo(o.chromaValid);
    }

    private static Mat logLut() {
        Mat lut = new Mat(1, 256, CV_32F);
        try (FloatIndexer ix = lut.createIndexer()) {
            for (int i = 0; i < 256; i++) ix.put(0, i, (float) Math.log(i + 16.0));
        }
        return lut;
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {logLut, gridMask, gridValue, gray, bgrF, sum, channel, ones, logL, cb, cr, chromaValid}) m.close();
    }
}
