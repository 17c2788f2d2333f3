package cn.xuncha.models.data;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;

import cn.xuncha.models.net.MatTensors;
import java.util.Random;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Photometric and occlusion augmentation of small BGR crops, applied alike to positives and negatives so that
 * none of it becomes a class cue: brightness/contrast, white balance, blur, JPEG quality, night-like darkening
 * with sensor noise, partial occlusion and mirroring. (Scale jitter happens when windows are cut.)
 */
public final class Augmenter {

    private Augmenter() {}

    /** Augmented interleaved BGR bytes of a square crop (the Mat is not modified). */
    public static byte[] apply(Mat crop, Random rnd) {
        byte[] px = applyKeepingGeometry(crop, rnd, true);
        if (rnd.nextBoolean()) mirror(px, crop.cols(), crop.rows());
        return px;
    }

    /**
     * Everything except mirroring, for whole images whose boxes would have to move with a mirror; occlusion is
     * optional because an image-sized occluder could hide a labelled object.
     */
    public static byte[] applyKeepingGeometry(Mat crop, Random rnd, boolean occlusion) {
        Mat work = crop;
        Mat blurred = null, decoded = null;
        try {
            if (rnd.nextDouble() < 0.25) {
                blurred = new Mat();
                GaussianBlur(work, blurred, new Size(rnd.nextBoolean() ? 3 : 5, rnd.nextBoolean() ? 3 : 5), 0);
                work = blurred;
            }
            if (rnd.nextDouble() < 0.3) {
                decoded = jpeg(work, 15 + rnd.nextInt(60));
                work = decoded;
            }
            byte[] px = MatTensors.bytes(work);
            photometric(px, rnd);
            if (rnd.nextDouble() < 0.2 && occlusion) occlude(px, work.cols(), work.rows(), rnd);
            return px;
        } finally {
            if (blurred != null) blurred.close();
            if (decoded != null) decoded.close();
        }
    }

    /**
     * Interleaved BGR bytes made grey in place (luma in all three channels), as a camera's infrared night mode shows
     * a scene.
     */
    public static void grey(byte[] px) {
        for (int i = 0; i + 2 < px.length; i += 3) {
            long y = Math.round(0.114 * (px[i] & 0xff) + 0.587 * (px[i + 1] & 0xff) + 0.299 * (px[i + 2] & 0xff));
            px[i] = px[i + 1] = px[i + 2] = (byte) Math.min(255, y);
        }
    }

    /** The image after a JPEG round trip at this quality (a new Mat). */
    public static Mat jpeg(Mat m, int quality) {
        try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            imencode(".jpg", m, buf, params);
            try (Mat raw = new Mat(1, (int) buf.limit(), org.bytedeco.opencv.global.opencv_core.CV_8UC1, buf)) {
                return imdecode(raw, org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR);
            }
        }
    }

    private static void photometric(byte[] px, Random rnd) {
        double contrast = 0.6 + 0.8 * rnd.nextDouble();
        double bright = (rnd.nextDouble() - 0.5) * 80;
        double[] gain = {0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble(), 0.9 + 0.2 * rnd.nextDouble()};
        boolean night = rnd.nextDouble() < 0.15;
        double dark = night ? 0.2 + 0.3 * rnd.nextDouble() : 1;
        double noise = night ? 3 + 6 * rnd.nextDouble() : (rnd.nextDouble() < 0.2 ? 4 * rnd.nextDouble() : 0);
        if (night) gain[0] *= 1.15; // street lights and IR-cut cameras shift night footage blue/grey
        for (int i = 0; i < px.length; i++) {
            double v = (px[i] & 0xff);
            v = (v - 128) * contrast + 128 + bright;
            v = v * gain[i % 3] * dark;
            if (noise > 0) v += rnd.nextGaussian() * noise;
            px[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
    }

    private static void occlude(byte[] px, int w, int h, Random rnd) {
        double frac = 0.1 + 0.25 * rnd.nextDouble();
        int ow = (int) Math.max(2, w * Math.sqrt(frac) * (0.6 + 0.8 * rnd.nextDouble()));
        int oh = (int) Math.max(2, w * h * frac / ow);
        ow = Math.min(ow, w);
        oh = Math.min(oh, h);
        int x0 = rnd.nextInt(w - ow + 1), y0 = rnd.nextInt(h - oh + 1);
        int b = rnd.nextInt(256), g = rnd.nextInt(256), r = rnd.nextInt(256);
        boolean textured = rnd.nextBoolean();
        for (int y = y0; y < y0 + oh; y++) {
            for (int x = x0; x < x0 + ow; x++) {
                int i = (y * w + x) * 3;
                int n = textured ? rnd.nextInt(41) - 20 : 0;
                px[i] = (byte) Math.max(0, Math.min(255, b + n));
                px[i + 1] = (byte) Math.max(0, Math.min(255, g + n));
                px[i + 2] = (byte) Math.max(0, Math.min(255, r + n));
            }
        }
    }

    private static void mirror(byte[] px, int w, int h) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w / 2; x++) {
                int a = (y * w + x) * 3, b = (y * w + (w - 1 - x)) * 3;
                for (int c = 0; c < 3; c++) {
                    byte t = px[a + c];
                    px[a + c] = px[b + c];
                    px[b + c] = t;
                }
            }
        }
    }
}
