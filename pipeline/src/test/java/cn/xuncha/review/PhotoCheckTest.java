package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Rectification photos: JPEG by magic bytes, bounded size, clear messages. */
class PhotoCheckTest {
    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Test
    void acceptsAJpeg() {
        byte[] jpeg = WebFixture.crop(1);
        assertArrayEquals(jpeg, PhotoCheck.jpeg(b64(jpeg)));
    }

    @Test
    void refusesOtherTypesWhateverTheyClaim() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoCheck.jpeg(b64(png))).getMessage().contains("PNG"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoCheck.jpeg(b64("%PDF-1.4".getBytes()))).getMessage().contains("PDF"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoCheck.jpeg("")).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoCheck.jpeg("@@@")).getMessage().contains("base64"));
    }

    @Test
    void refusesOversizedPhotosBeforeDecoding() {
        byte[] big = new byte[PhotoCheck.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PhotoCheck.jpeg(b64(big))).getMessage().contains("larger than"));
    }
}
