package cn.xuncha.models.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The grey conversion that stands in for a camera's infrared night mode. */
class AugmenterTest {

    @Test
    void greyPutsTheLumaOfEachPixelInAllThreeChannels() {
        byte[] px = {(byte) 255, 0, 0, /* blue */ 0, 0, (byte) 255, /* red */ 10, 20, 30, (byte) 255, (byte) 255, (byte) 255};
        Augmenter.grey(px);
        // BT.601 weights, as OpenCV's BGR2GRAY: 0.114 B + 0.587 G + 0.299 R
        byte[] want = {29, 29, 29, 76, 76, 76, 22, 22, 22, (byte) 255, (byte) 255, (byte) 255};
        assertArrayEquals(want, px);
    }
}
