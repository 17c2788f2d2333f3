package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.net.MatTensors;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class DegradationTest {

    /** A colourful, detailed frame: random pixels, so JPEG at quality 15 cannot keep them. */
    private static Mat colourful() {
        byte[] px = new byte[120 * 160 * 3];
        Random rnd = new Random(1);
        for (int i = 0; i < px.length; i++) px[i] = (byte) (60 + rnd.nextInt(140) + (i % 3) * 10);
        Mat m = new Mat(120, 160, CV_8UC3);
        m.data().put(px);
        return m;
    }

    @Test
    void greyLeavesNoColourAndTheFrameUntouched() {
        try (Mat in = colourful(); Mat out = Degradation.GREY.apply(in, 0)) {
            byte[] before = MatTensors.bytes(in);
            byte[] px = MatTensors.bytes(out);
            for (int i = 0; i < px.length; i += 3) {
                assertTrue(px[i] == px[i + 1] && px[i + 1] == px[i + 2], "pixel " + i / 3 + " still has colour");
            }
            assertArrayEquals(before, MatTensors.bytes(in), "the input frame is not modified");
            assertEquals(in.rows(), out.rows());
            assertEquals(in.cols(), out.cols());
        }
    }

    @Test
    void darkIsAThirdAsBrightWithNoiseThatTheSeedFixes() {
        try (Mat in = colourful(); Mat a = Degradation.DARK.apply(in, 5); Mat b = Degradation.DARK.apply(in, 5);
             Mat c = Degradation.DARK.apply(in, 6)) {
            assertEquals(mean(in).get(0) * Degradation.DARK_GAIN, mean(a).get(0), 1.0, "x0.3 brightness");
            assertArrayEquals(MatTensors.bytes(a), MatTensors.bytes(b), "the same seed, the same noise");
            assertFalse(java.util.Arrays.equals(MatTensors.bytes(a), MatTensors.bytes(c)), "another seed, other noise");
            byte[] pin = MatTensors.bytes(in), pa = MatTensors.bytes(a);
            double sq = 0;
            for (int i = 0; i < pa.length; i++) {
                double d = (pa[i] & 0xff) - (pin[i] & 0xff) * Degradation.DARK_GAIN;
                sq += d * d;
            }
            assertEquals(Degradation.DARK_NOISE, Math.sqrt(sq / pa.length), 0.5, "sensor noise of sigma 6");
        }
    }

    @Test
    void jpeg15LosesDetailButKeepsTheFrame() {
        try (Mat in = colourful(); Mat out = Degradation.JPEG15.apply(in, 0)) {
            assertEquals(in.rows(), out.rows());
            assertEquals(in.cols(), out.cols());
            assertEquals(3, out.channels());
            byte[] pin = MatTensors.bytes(in), pout = MatTensors.bytes(out);
            double diff = 0;
            for (int i = 0; i < pin.length; i++) diff += Math.abs((pin[i] & 0xff) - (pout[i] & 0xff));
            assertTrue(diff / pin.length > 10, "quality 15 cannot keep random detail: mean difference " + diff / pin.length);
        }
    }

    @Test
    void namesAreTheOptionsAndAnUnknownOneSaysWhichThereAre() {
        assertEquals(Degradation.JPEG15, Degradation.named("jpeg15"));
        assertEquals(Degradation.GREY, Degradation.named("GREY"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Degradation.named("sepia"));
        assertTrue(e.getMessage().contains("sepia") && e.getMessage().contains("grey, dark, jpeg15"), e.getMessage());
    }
}
