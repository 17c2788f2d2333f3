package cn.xuncha.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.cases.notify.WebhookSigner;
import cn.xuncha.cases.web.CaseRoutes;
import cn.xuncha.cases.web.CasesVerticle;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verticle and HTTP API end to end on H2: finding JSON on the event bus → case → REST lifecycle → signed webhook. */
class CasesHttpIT {
    @TempDir Path dir;
    Vertx vertx;
    int apiPort;
    final BlockingQueue<JsonObject> changes = new LinkedBlockingQueue<>();
    final BlockingQueue<String> webhooks = new LinkedBlockingQueue<>();
    final AtomicInteger webhookCalls = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        // the 数字城管 receiver: fails the first call to prove the retry, checks the signature
        HttpServer hook = await(vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
            if (webhookCalls.incrementAndGet() == 1) {
                req.response().setStatusCode(503).end();
                return;
            }
            boolean ok = WebhookSigner.verify("s3cret", b.getBytes(), req.getHeader(WebhookSigner.HEADER));
            webhooks.add((ok ? "signed " : "UNSIGNED ") + b);
            req.response().setStatusCode(204).end();
        })).listen(0, "127.0.0.1"));
        CasesConfig cfg = new CasesConfig(Duration.ofDays(7), Duration.ofHours(24), 0.3, 10, CasesConfig.defaultRetention(),
                Duration.ofMinutes(1), new CasesConfig.WebhookConfig("http://127.0.0.1:" + hook.actualPort() + "/hook", "s3cret", 4,
                Duration.ofMillis(50)));
        PointConfig point = new PointConfig("P-7", "东门菜场", "market", "城管一中队", null, null,
                List.of(new CameraConfig("cam-7", "东门", "file:/dev/null", Duration.ofSeconds(5), List.of())));
        XunchaConfig config = new XunchaConfig(ServerConfig.DEFAULT, StorageConfig.embedded(dir.toString()), IngestConfig.DEFAULT, List.of(point));
        CasesVerticle verticle = new CasesVerticle(config, cfg, Clock.systemUTC());
        await(vertx.deployVerticle(verticle));
        vertx.eventBus().<JsonObject>consumer(CasesVerticle.CHANGED, m -> changes.add(m.body()));
        Router router = Router.router(vertx);
        new CaseRoutes(vertx, verticle.service(), Clock.systemUTC()).mount(router);
        apiPort = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")).actualPort();
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void findingBecomesCaseThatMovesThroughTheLifecycleOverHttp() throws Exception {
        JsonObject finding = new JsonObject().put("cameraId", "cam-7").put("pointId", "P-7").put("trackId", 3).put("event", "OPENED")
                .put("category", "exposed_garbage").put("score", 0.91).put("box", new JsonObject().put("x", 10).put("y", 20).put("w", 30).put("h", 40))
                .put("at", Instant.now().toString())
                .put("evidence", new JsonObject().put("cropJpeg", Base64.getEncoder().encodeToString(Fixtures.jpeg(5, 64, 48))));
        assertEquals("APPLIED", await(vertx.eventBus().request(CasesVerticle.FINDINGS, finding)).body());
        JsonObject change = changes.poll(10, TimeUnit.SECONDS);
        assertEquals("OPENED", change.getString("kind"));
        assertEquals("城管一中队", change.getString("unit"));
        long id = change.getLong("caseId");

        JsonObject list = new JsonObject(get("/api/cases?state=PENDING&unit=" + java.net.URLEncoder.encode("城管一中队", "UTF-8")).body());
        assertEquals(1, list.getInteger("total"));
        assertEquals("exposed_garbage", list.getJsonArray("items").getJsonObject(0).getString("category"));

        assertEquals(409, post("/api/cases/" + id + "/transitions", "{\"action\":\"close\",\"actor\":\"a\"}").statusCode());
        assertEquals(400, post("/api/cases/" + id + "/transitions", "{not json").statusCode());
        assertEquals(400, post("/api/cases/" + id + "/transitions", "{\"to\":\"CONFIRMED\"}").statusCode(), "actor missing");
        assertEquals(404, post("/api/cases/999999/transitions", "{\"action\":\"confirm\",\"actor\":\"a\"}").statusCode());
        assertEquals(400, get("/api/cases?state=NOPE").statusCode());
        HttpResponse<String> confirmed = post("/api/cases/" + id + "/transitions", "{\"to\":\"CONFIRMED\",\"actor\":\"李四\",\"category\":\"piling\"}");
        assertEquals(200, confirmed.statusCode(), confirmed.body());
        assertEquals("CONFIRMED", new JsonObject(confirmed.body()).getString("state"));
        String deadline = Instant.now().plus(Duration.ofDays(2)).toString();
        assertEquals(200, post("/api/cases/" + id + "/transitions",
                "{\"action\":\"dispatch\",\"actor\":\"李四\",\"deadline\":\"" + deadline + "\",\"unit\":\"环卫所\"}").statusCode());

        JsonObject detail = new JsonObject(get("/api/cases/" + id).body());
        assertEquals("DISPATCHED", detail.getString("state"));
        assertEquals("环卫所", detail.getString("unit"));
        assertEquals("piling", detail.getString("category"));
        assertEquals(3, detail.getJsonArray("history").size());
        String cropUrl = detail.getJsonObject("evidence").getString("crop");
        HttpResponse<String> img = get(cropUrl);
        assertEquals(200, img.statusCode());
        assertEquals("image/jpeg", img.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, get("/api/evidence/..%2F..%2Fetc%2Fpasswd").statusCode());
        assertEquals(404, get("/api/evidence/" + "0".repeat(64) + ".jpg").statusCode());
        assertEquals(404, get("/api/cases/424242").statusCode());

        JsonObject stats = new JsonObject(get("/api/cases/stats?unit=" + java.net.URLEncoder.encode("环卫所", "UTF-8")).body());
        assertEquals(1, stats.getJsonArray("units").size());
        assertEquals(new JsonObject().put("unit", "环卫所").put("open", 1).put("overdue", 0).put("rebounds", 0).put("closed", 0),
                stats.getJsonArray("units").getJsonObject(0));
        assertEquals(1, new JsonObject(get("/api/cases/stats").body()).getJsonObject("total").getInteger("open"));
        assertEquals(0, new JsonObject(get("/api/cases/stats?unit=nobody").body()).getJsonArray("units").size());
        assertEquals(400, get("/api/cases/stats?unit=%20").statusCode());

        String hook = webhooks.poll(20, TimeUnit.SECONDS);
        assertTrue(hook != null && hook.startsWith("signed ") && hook.contains("\"case.new\""), "webhook delivered after a retry: " + hook);
        assertTrue(webhookCalls.get() >= 2);
    }

    @Test
    void malformedFindingIsRefusedWithReason() throws Exception {
        Throwable t = vertx.eventBus().request(CasesVerticle.FINDINGS, new JsonObject().put("cameraId", "cam-7"))
                .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(10, TimeUnit.SECONDS);
        assertTrue(t != null && t.getMessage().contains("malformed finding"), String.valueOf(t));
    }
}
