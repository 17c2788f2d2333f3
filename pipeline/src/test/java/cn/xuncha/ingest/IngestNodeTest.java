package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.XunchaNode;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole node on file and unreachable cameras: health on /api/cameras and /metrics, credentials masked. */
class IngestNodeTest {
    @TempDir Path dir;
    // the web API needs a login since the review stage guards it: a cookie jar keeps the session
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    void reportsHealthPerCameraOverHttp() throws Exception {
        Path clip = TestClip.write(dir.resolve("c.mp4"), 320, 240, 10, 2, 5);
        Files.writeString(dir.resolve("x.yaml"), """
                server: {host: 127.0.0.1, port: 0}
                storage: {dataDir: %s}
                ingest: {sampleInterval: 500ms, stallTimeout: 3s, connectTimeout: 2s, backoffMin: 200ms, backoffMax: 1s}
                points:
                  - {id: P1, name: 城南农贸市场, type: 农贸市场, unit: 城关街道, cameras: [
                      {id: file1, url: "file:%s"},
                      {id: refused, url: "rtsp://${CAM_USER}:${CAM_PASS}@127.0.0.1:1/cam"}]}
                  - {id: P2, name: 解放路, type: 背街小巷, unit: 东城街道, cameras: [
                      {id: nohost, url: "rtsp://no-such-camera.invalid/x"}]}
                """.formatted(dir, clip));
        XunchaConfig cfg = new ConfigLoader(Map.of("CAM_USER", "admin", "CAM_PASS", "s3cret!")).load(dir.resolve("x.yaml"));
        try (XunchaNode node = XunchaNode.start(cfg)) {
            String base = "http://127.0.0.1:" + node.httpPort();
            node.review().users().add("viewer", cn.xuncha.review.Role.REVIEWER, null, "viewer-password".toCharArray());
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"viewer\",\"password\":\"viewer-password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            JsonObject file1 = null, refused = null, nohost = null;
            long deadline = System.currentTimeMillis() + 15_000;
            String body = "";
            while (System.currentTimeMillis() < deadline) {
                body = get(base + "/api/cameras").body();
                JsonArray cams = new JsonArray(body);
                file1 = find(cams, "file1");
                refused = find(cams, "refused");
                nohost = find(cams, "nohost");
                if ("ONLINE".equals(file1.getString("state")) && "OFFLINE".equals(refused.getString("state"))
                        && "OFFLINE".equals(nohost.getString("state")) && refused.getLong("reconnects", 0L) > 0) break;
                Thread.sleep(200);
            }
            assertEquals("ONLINE", file1.getString("state"), body);
            assertTrue(file1.getLong("frames") > 0);
            assertEquals("OFFLINE", refused.getString("state"), body);
            assertTrue(refused.getString("lastError").contains("refused"), body);
            assertTrue(refused.getLong("reconnects") > 0, "retried with backoff");
            assertEquals("OFFLINE", nohost.getString("state"));
            assertTrue(nohost.getString("lastError").contains("unknown host"));
            assertEquals("城关街道", file1.getString("unit"));
            assertFalse(body.contains("s3cret"), "password never in API responses");
            assertFalse(body.contains("admin"), "user never in API responses");

            HttpResponse<byte[]> jpg = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cameras/file1/latest.jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, jpg.statusCode());
            assertEquals((byte) 0xFF, jpg.body()[0]);
            assertEquals(404, get(base + "/api/cameras/nope").statusCode());

            String metrics = get(base + "/metrics").body();
            assertTrue(metrics.contains("xuncha_camera_state{camera=\"file1\",point=\"P1\",state=\"ONLINE\"} 1"), metrics);
            assertTrue(metrics.contains("xuncha_camera_frames_total{camera=\"file1\""), metrics);
            assertFalse(metrics.contains("s3cret"));
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject find(JsonArray cams, String id) {
        for (int i = 0; i < cams.size(); i++) if (id.equals(cams.getJsonObject(i).getString("id"))) return cams.getJsonObject(i);
        throw new AssertionError("camera " + id + " missing in " + cams.encode());
    }
}
