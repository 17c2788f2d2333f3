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
    private static final Size BLUR = new Size(5, 5);
    private final Mat logLut = logLut();
    private final Mat gray = new Mat();
    private final Mat bgrF = new Mat();
    private final Mat sum = new Mat();
    private final Mat channel = new Mat();
    private final Mat ones = new Mat(1, 3, CV_32F);
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

    /** Mean distance of the chromaticity from grey over valid pixels: near 0 for night/IR (monochrome) frames. */
    double colourfulness() {
        cb.convertTo(channel, -1, 1, -1.0 / 3);
        multiply(channel, channel, channel);
        double b = mean(channel, chromaValid).get(0);
        cr.convertTo(channel, -1, 1, -1.0 / 3);
        multiply(channel, channel, channel);
        return Math.sqrt(b + mean(channel, chromaValid).get(0));
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
        for (Mat m : new Mat[] {logLut, gray, bgrF, sum, channel, ones, logL, cb, cr, chromaValid}) m.close();
    }
}
