package cn.xuncha.cases;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AppearanceHashTest {
    @Test
    void sameSceneAtOtherSizeIsCloseOtherSceneIsFar() {
        Long a = AppearanceHash.of(Fixtures.jpeg(1, 160, 120));
        Long aSmall = AppearanceHash.of(Fixtures.jpeg(1, 80, 60));
        Long b = AppearanceHash.of(Fixtures.jpeg(2, 160, 120));
        assertNotNull(a);
        assertTrue(AppearanceHash.distance(a, aSmall) <= 10, "rescaled: " + AppearanceHash.distance(a, aSmall));
        assertTrue(AppearanceHash.distance(a, b) > 10, "different: " + AppearanceHash.distance(a, b));
    }

    @Test
    void noOrBrokenImageHasNoHash() {
        assertNull(AppearanceHash.of((byte[]) null));
        assertNull(AppearanceHash.of(new byte[] {1, 2, 3}));
    }
}
