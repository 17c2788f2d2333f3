package cn.xuncha.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClipSpecTest {
    @Test
    void fileNameNamesEveryParameter() {
        ClipSpec a = ClipSpec.of("street_bag", Resolution.P720, 60);
        assertEquals("street_bag-720p-25fps-g2.0-60s-main-s1-v" + ClipSpec.RENDER_VERSION + ".mp4", a.fileName());
        assertNotEquals(a.fileName(), a.withGop(1).fileName());
        assertNotEquals(a.fileName(), a.withSeed(2).fileName());
        assertNotEquals(a.fileName(), a.withProfile(H264Profile.BASELINE).fileName());
        assertNotEquals(a.fileName(), a.withFps(10).fileName());
        assertEquals(50, a.gopFrames());
        assertEquals(1500, a.frameCount());
    }

    @Test
    void badParametersAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipSpec.of("street bag", Resolution.P360, 5)).getMessage().contains("scene name"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipSpec.of("x", Resolution.P360, 0)).getMessage().contains("durationSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ClipSpec.of("x", Resolution.P360, 5).withFps(0)).getMessage().contains("fps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Resolution.parse("4k")).getMessage().contains("360p, 720p, 1080p"));
        assertEquals(Resolution.P1080, Resolution.parse("1080P"));
    }
}
