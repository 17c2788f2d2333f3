package cn.xuncha.cli;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Mostly repeat sightings of objects in view, some new objects and clearances, like a district at patrol time. */
final class CaseBenchWorkload {
    private final int cameras;
    private final int objects;
    private final Random rnd = new Random(7);
    private final long[] track;
    private final List<Evidence> evidence = new ArrayList<>();
    private Instant now = Instant.parse("2025-05-01T08:00:00Z");

    CaseBenchWorkload(int cameras, int objects) {
        this.cameras = cameras;
        this.objects = objects;
        this.track = new long[cameras * objects];
        for (int i = 0; i < 16; i++) {
            evidence.add(new Evidence(jpeg(i, 320, 240), jpeg(i + 100, 64, 48), null));
        }
    }

    Finding next() {
        now = now.plusMillis(2);
        int slot = rnd.nextInt(track.length);
        int cam = slot / objects;
        int obj = slot % objects;
        FindingEvent ev;
        if (track[slot] == 0) {
            track[slot] = 1 + rnd.nextInt(1_000_000);
            ev = FindingEvent.OPENED;
        } else if (rnd.nextInt(200) == 0) {
            ev = FindingEvent.CLOSED;
        } else {
            ev = FindingEvent.UPDATED;
        }
        Box box = new Box(40 + obj * 300 + rnd.nextInt(4), 200 + rnd.nextInt(4), 120, 90);
        Finding f = new Finding("cam-" + cam, "P-" + cam / 2, track[slot], ev, Category.values()[obj % 3], rnd.nextDouble(), box, now,
                evidence.get(rnd.nextInt(evidence.size())));
        if (ev == FindingEvent.CLOSED) track[slot] = 0;
        return f;
    }

    private static byte[] jpeg(int seed, int w, int h) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        Random r = new Random(seed);
        for (int i = 0; i < 10; i++) {
            g.setColor(new java.awt.Color(r.nextInt()));
            g.fillRect(r.nextInt(w), r.nextInt(h), 1 + r.nextInt(w / 2), 1 + r.nextInt(h / 2));
        }
        g.dispose();
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
