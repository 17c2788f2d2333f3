package cn.xuncha.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Box refinement deltas: a round trip, mirroring, and the bounds. */
class BoxDeltasTest {

    @Test
    void leadFromOneBoxToTheOther() {
        PixelBox from = new PixelBox(100, 50, 40, 20), to = new PixelBox(110, 40, 60, 30);
        double[] d = BoxDeltas.between(from, to);
        assertArrayEquals(new double[] {(140 - 120) / 40.0, (55 - 60) / 20.0, Math.log(1.5), Math.log(1.5)}, d, 1e-12);
        PixelBox back = BoxDeltas.apply(from, d[0], d[1], d[2], d[3]);
        assertEquals(to.x(), back.x(), 1e-9);
        assertEquals(to.y(), back.y(), 1e-9);
        assertEquals(to.w(), back.w(), 1e-9);
        assertEquals(to.h(), back.h(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 0, 0}, BoxDeltas.between(from, from), 1e-12);
    }

    @Test
    void aMirroredCropShiftsTheOtherWayAcross() {
        assertArrayEquals(new double[] {-0.2, 0.1, 0.3, -0.4}, BoxDeltas.mirrored(new double[] {0.2, 0.1, 0.3, -0.4}), 1e-12);
    }

    @Test
    void wildTargetsAndPredictionsAreBounded() {
        PixelBox from = new PixelBox(0, 0, 10, 10);
        double[] d = BoxDeltas.between(from, new PixelBox(500, 0, 1000, 1));
        assertEquals(BoxDeltas.MAX_SHIFT, d[0], 1e-12);
        assertEquals(BoxDeltas.MAX_LOG, d[2], 1e-12);
        assertEquals(-BoxDeltas.MAX_LOG, d[3], 1e-12);
        PixelBox far = BoxDeltas.apply(from, 99, 0, 99, 0);
        assertEquals(10 * Math.exp(BoxDeltas.MAX_LOG), far.w(), 1e-9);
        assertEquals(5 + 10 * BoxDeltas.MAX_SHIFT, far.cx(), 1e-9);
    }
}
