package cn.xuncha.models.boxes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BoxMapsTest {
    private static BoxMaps maps() {
        float[][] c = {{0.1f, 0.2f, 0.9f}, {0f, 0.5f, 0.3f}};
        float[][][] b = new float[4][2][3];
        b[0][0][2] = 0.25f; // centre offset to the right of cell (2, 0)
        b[1][0][2] = -0.1f;
        b[2][0][2] = 1f;
        b[3][0][2] = 0.5f;
        return new BoxMaps(c, b, 0.9);
    }

    @Test
    void mirroringMovesCellsAndFlipsHorizontalOffsets() {
        BoxMaps m = maps().mirrored();
        assertArrayEquals(new float[] {0.9f, 0.2f, 0.1f}, m.centre()[0]);
        assertEquals(-0.25f, m.box()[0][0][0]);
        assertEquals(-0.1f, m.box()[1][0][0]);
        assertEquals(1f, m.box()[2][0][0]);
        assertArrayEquals(maps().centre()[1], m.mirrored().centre()[1], "twice is the identity");
    }

    @Test
    void averageIsCellWise() {
        BoxMaps a = maps(), avg = BoxMaps.average(a, a.mirrored());
        assertEquals((0.1f + 0.9f) / 2, avg.centre()[0][0], 1e-6);
        assertEquals(0.5f, avg.centre()[1][1], 1e-6);
        assertEquals(0.5, avg.maxCentre(), 1e-6);
        assertEquals((0f + -0.25f) / 2, avg.box()[0][0][0], 1e-6);
    }
}
