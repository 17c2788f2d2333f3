package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import cn.xuncha.models.data.Augmenter;
import cn.xuncha.models.net.MatTensors;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How {@code eval --degrade} spoils every frame before the detector sees it (labels unchanged): what a point camera
 * gives at night, in the dark or over a starved uplink, measured on labelled photos without making copies of them.
 */
public enum Degradation {
    /** Colour removed, as an infrared night camera shows the scene. */
    GREY,
    /** Brightness ×0.3 with sensor noise (σ 6 grey levels, seeded per frame), as an unlit street at dusk. */
    DARK,
    /** A JPEG round trip at quality 15, as a camera's stream looks when its bit rate is starved. */
    JPEG15;

    static final double DARK_GAIN = 0.3;
    static final double DARK_NOISE = 6;

    /** The name on the command line: grey, dark, jpeg15. */
    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The degradation called name (grey, dark or jpeg15); otherwise a message naming the ones there are. */
    public static Degradation named(String name) {
        for (Degradation d : values()) {
            if (d.optionName().equalsIgnoreCase(name)) return d;
        }
        throw new IllegalArgumentException("unknown degradation '" + name + "'; one of "
                + Arrays.stream(values()).map(Degradation::optionName).collect(Collectors.joining(", ")));
    }

    /** A degraded copy of a BGR frame (the caller closes it); seed makes DARK's noise the same on every run. */
    public Mat apply(Mat bgr, long seed) {
        if (this == JPEG15) return Augmenter.jpeg(bgr, 15);
        byte[] px = MatTensors.bytes(bgr);
        if (this == GREY) {
            Augmenter.grey(px);
        } else {
            Random rnd = new Random(seed);
            for (int i = 0; i < px.length; i++) {
                long v = Math.round((px[i] & 0xff) * DARK_GAIN + rnd.nextGaussian() * DARK_NOISE);
                px[i] = (byte) Math.max(0, Math.min(255, v));
            }
        }
        Mat out = new Mat(bgr.rows(), bgr.cols(), CV_8UC3);
        out.data().put(px);
        return out;
    }
}
