package cn.xuncha.cases;

import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** A tiny perceptual fingerprint (64-bit difference hash) of a crop, so a dismissed look-alike can be recognised. */
public final class AppearanceHash {
    private AppearanceHash() {}

    /** dHash of a JPEG/PNG; null when there are no bytes or they are not a decodable image. */
    public static Long of(byte[] image) {
        if (image == null || image.length == 0) return null;
        try {
            BufferedImage src = ImageIO.read(new ByteArrayInputStream(image));
            return src == null ? null : ofImage(src);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Compares each pixel with its right neighbour on a 9x8 grey thumbnail: robust to scale and brightness. */
    public static long ofImage(BufferedImage src) {
        BufferedImage small = new BufferedImage(9, 8, BufferedImage.TYPE_BYTE_GRAY);
        small.getGraphics().drawImage(src.getScaledInstance(9, 8, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int left = small.getRaster().getSample(x, y, 0);
                int right = small.getRaster().getSample(x + 1, y, 0);
                bits = (bits << 1) | (left > right ? 1 : 0);
            }
        }
        return bits;
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }
}
