package cn.xuncha.cases;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import javax.imageio.ImageIO;

/** Synthetic findings and JPEGs for the case tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");

    private Fixtures() {}

    public static Finding finding(String camera, long track, FindingEvent ev, Category cat, double score, Box box, Instant at) {
        return new Finding(camera, "P-" + camera, track, ev, cat, score, box, at, Evidence.NONE);
    }

    public static Finding withEvidence(Finding f, Evidence e) {
        return new Finding(f.cameraId(), f.pointId(), f.trackId(), f.event(), f.category(), f.score(), f.box(), f.at(), e);
    }

    /** A JPEG with a pattern that depends on {@code seed}: equal seeds give similar images, different ones differ. */
    public static byte[] jpeg(int seed, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            // positions are fractions of the size, so one seed draws the same scene at any resolution
            g.fillRect((int) (r.nextDouble() * w), (int) (r.nextDouble() * h), 1 + (int) (r.nextDouble() * w / 2), 1 + (int) (r.nextDouble() * h / 2));
        }
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
