package cn.xuncha.review;

import cn.xuncha.XunchaNode;
import cn.xuncha.cases.web.CasesVerticle;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import io.vertx.core.json.JsonObject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A real node (ingest, cases, web) on a temp H2 database with two points of two units and four users, and a way to
 * raise cases through the real path: Finding JSON on the {@code xuncha.findings} address.
 */
final class WebFixture implements AutoCloseable {
    static final String UNIT1 = "城关街道";
    static final String UNIT2 = "东城街道";
    static final String PASSWORD = "correct-horse-1";
    final XunchaNode node;
    final String base;
    private final BlockingQueue<JsonObject> opened = new LinkedBlockingQueue<>();

    WebFixture(Path dir) throws Exception {
        IngestConfig ingest = new IngestConfig(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), true);
        List<PointConfig> points = List.of(
                new PointConfig("P1", "城南农贸市场", "农贸市场", UNIT1, null, null, List.of(camera("cam1"))),
                new PointConfig("P2", "解放路", "背街小巷", UNIT2, null, null, List.of(camera("cam2"))));
        XunchaConfig cfg = new XunchaConfig(new ServerConfig("127.0.0.1", 0), StorageConfig.embedded(dir.toString()), ingest, points);
        node = XunchaNode.start(cfg);
        base = "http://127.0.0.1:" + node.httpPort();
        node.vertx().eventBus().<JsonObject>consumer(CasesVerticle.CHANGED, m -> {
            if ("OPENED".equals(m.body().getString("kind"))) opened.add(m.body());
        });
        UserStore users = node.review().users();
        users.add("rev", Role.REVIEWER, null, PASSWORD.toCharArray());
        users.add("adm", Role.ADMIN, null, PASSWORD.toCharArray());
        users.add("u1", Role.UNIT, UNIT1, PASSWORD.toCharArray());
        users.add("u2", Role.UNIT, UNIT2, PASSWORD.toCharArray());
    }

    private static CameraConfig camera(String id) {
        // nothing listens on port 1: the camera is offline, which the board shows; cases come from findings below
        return new CameraConfig(id, id + " 东门", "rtsp://127.0.0.1:1/" + id, Duration.ofSeconds(1), List.of());
    }

    /** Sends one finding through the cases stage and returns the id of the case it opened. */
    long raise(String cameraId, String pointId, long trackId, String category, int seed) throws Exception {
        // a grid of 20 non-overlapping spots per camera, so findings of one camera never dedup onto each other
        int x = 10 + (seed % 5) * 90, y = 10 + ((seed / 5) % 4) * 65;
        JsonObject finding = new JsonObject().put("cameraId", cameraId).put("pointId", pointId).put("trackId", trackId).put("event", "OPENED")
                .put("category", category).put("score", 0.9).put("box", new JsonObject().put("x", x).put("y", y).put("w", 80).put("h", 60))
                .put("at", Instant.now().toString())
                .put("evidence", new JsonObject()
                        .put("frameJpeg", b64(scene(seed, x, y, true)))
                        .put("cropJpeg", b64(crop(seed)))
                        .put("referenceJpeg", b64(scene(seed, x, y, false))));
        String reply = node.vertx().eventBus().<String>request(CasesVerticle.FINDINGS, finding).await(30, TimeUnit.SECONDS).body();
        if (!"APPLIED".equals(reply)) throw new IllegalStateException("finding not applied: " + reply);
        JsonObject change = opened.poll(30, TimeUnit.SECONDS);
        if (change == null) throw new IllegalStateException("no case opened for finding on " + cameraId);
        return change.getLong("caseId");
    }

    /** A street scene; the "after" view has a pile of garbage at the box (what the reviewer must see). */
    static byte[] scene(int seed, int x, int y, boolean withObject) {
        BufferedImage img = new BufferedImage(480, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(150, 160, 170));
        g.fillRect(0, 0, 480, 270);
        g.setColor(new Color(90, 90, 95));
        g.fillRect(0, 180, 480, 90);
        g.setColor(new Color(200, 190, 150 + seed % 50));
        g.fillRect(300, 40, 140, 120);
        if (withObject) {
            g.setColor(new Color(60, 130, 40));
            g.fillOval(x + 10, y + 10, 60, 40);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(3));
            g.drawRect(x, y, 80, 60);
        }
        g.dispose();
        return jpeg(img);
    }

    static byte[] crop(int seed) {
        BufferedImage img = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 130 + seed % 100, 40));
        g.fillOval(10, 10, 60, 40);
        g.dispose();
        return jpeg(img);
    }

    static byte[] jpeg(BufferedImage img) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    @Override
    public void close() throws Exception {
        node.close();
    }
}
