package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.web.CasesVerticle;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.demo.ClipCache;
import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import cn.xuncha.report.ReportRoutes;
import cn.xuncha.review.HttpServerVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan verticle in a node: started half an hour after tonight's slot with no scan on record, it runs the missed
 * scan by itself (one camera hangs, so it takes a while); a request meanwhile is refused with 409; afterwards POST /api/scans starts one and the reports
 * are downloadable from the archive.
 */
class ScanVerticleIT {
    @TempDir Path dir;
    Vertx vertx;
    ServerSocket hung;
    final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newHttpClient();

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) await(vertx.close());
        if (hung != null) hung.close();
        for (Socket s : held) s.close();
    }

    @Test
    void missedScanRunsAtStartupThenOnRequest() throws Exception {
        Path clip = ClipCache.shared().clip(ClipSpec.of("street_quiet", Resolution.P360, 30).withGop(1.0));
        List<CameraConfig> cams = new ArrayList<>();
        for (int i = 1; i <= 3; i++) cams.add(ScanRig.camera("V-" + i, "file:" + clip.toAbsolutePath()));
        // a camera that accepts the connection and never answers: the scan must wait out the connect timeout (and
        // so is certainly still running when the test asks for a second one)
        hung = hungServer();
        cams.add(ScanRig.camera("V-hung", "rtsp://127.0.0.1:" + hung.getLocalPort() + "/live"));
        PointConfig point = ScanRig.point("V", "城关街道", cams);
        IngestConfig ingest = new IngestConfig(Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(1),
                Duration.ofSeconds(10), true);
        XunchaConfig config = new XunchaConfig(new ServerConfig("127.0.0.1", 0), StorageConfig.embedded(dir.toString()), ingest, List.of(point));
        ScanSettings settings = ScanSettings.DEFAULT.withFramesPerCamera(2);
        ShiftedClock clock = new ShiftedClock();
        LocalDate today = LocalDate.of(2025, 5, 20);
        clock.setNow(today.atTime(settings.time().plusMinutes(30)).atZone(settings.zone()).toInstant());

        vertx = Vertx.vertx();
        BlockingQueue<JsonObject> finished = new LinkedBlockingQueue<>();
        vertx.eventBus().<JsonObject>consumer(ScanVerticle.FINISHED, m -> finished.add(m.body()));
        CasesVerticle cases = new CasesVerticle(config, CasesConfig.DEFAULT, clock);
        await(vertx.deployVerticle(cases));
        ScanVerticle scan = new ScanVerticle(config, settings, cases::service, new EveryCropIsGarbage(), clock);
        await(vertx.deployVerticle(scan));
        HttpServerVerticle web = new HttpServerVerticle(config.server(), List.of(new ReportRoutes(vertx, scan::reports)));
        await(vertx.deployVerticle(web));
        String base = "http://127.0.0.1:" + web.port();

        assertEquals(409, post(base + "/api/scans").statusCode(), "the missed scan is running");
        JsonObject first = finished.poll(120, TimeUnit.SECONDS);
        assertNotNull(first, "the missed scan ran at startup");
        assertEquals(today.toString(), first.getString("date"));
        assertEquals(4, first.getInteger("cameras"));
        assertEquals(1, first.getInteger("failed"), "the hung camera is offline, bounded by the connect timeout");

        HttpResponse<String> started = post(base + "/api/scans");
        assertEquals(202, started.statusCode(), started.body());
        assertTrue(new JsonObject(started.body()).getBoolean("started"));
        JsonObject second = finished.poll(120, TimeUnit.SECONDS);
        assertNotNull(second, "the requested scan ran");
        assertTrue(second.getLong("scanId") > first.getLong("scanId"));

        JsonArray list = new JsonArray(get(base + "/api/reports").body());
        assertEquals(3, list.size(), "html, xlsx and csv of today: " + list);
        HttpResponse<byte[]> xlsx = http.send(HttpRequest.newBuilder(URI.create(base + "/api/reports/" + today + ".xlsx")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, xlsx.statusCode());
        assertEquals('P', (char) xlsx.body()[0], "an XLSX is a zip");
        assertTrue(get(base + "/api/reports/" + today + ".html").body().contains("巡查日报 " + today));
        HttpResponse<String> bad = get(base + "/api/reports/" + today + ".pdf");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("html, xlsx or csv"), bad.body());
        assertEquals(400, get(base + "/api/reports/yesterday.html").statusCode());
    }

    @Test
    void closingTheNodeDuringAScanStopsTheScanBeforeItsDatabaseCloses() throws Exception {
        hung = hungServer();
        List<CameraConfig> cams = List.of(ScanRig.camera("H-1", "rtsp://127.0.0.1:" + hung.getLocalPort() + "/live"),
                ScanRig.camera("H-2", "rtsp://127.0.0.1:" + hung.getLocalPort() + "/live2"));
        IngestConfig ingest = new IngestConfig(Duration.ofSeconds(5), Duration.ofSeconds(6), Duration.ofSeconds(6), Duration.ofSeconds(1),
                Duration.ofSeconds(10), true);
        StorageConfig storage = StorageConfig.embedded(dir.toString());
        XunchaConfig config = new XunchaConfig(new ServerConfig("127.0.0.1", 0), storage, ingest, List.of(ScanRig.point("H", "城关街道", cams)));
        ScanSettings settings = ScanSettings.DEFAULT.withFramesPerCamera(2);
        ShiftedClock clock = new ShiftedClock();
        clock.setNow(LocalDate.of(2025, 5, 20).atTime(settings.time().plusMinutes(30)).atZone(settings.zone()).toInstant());

        vertx = Vertx.vertx();
        CasesVerticle cases = new CasesVerticle(config, CasesConfig.DEFAULT, clock);
        await(vertx.deployVerticle(cases));
        await(vertx.deployVerticle(new ScanVerticle(config, settings, cases::service, new EveryCropIsGarbage(), clock)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scanThread() == null && System.nanoTime() < deadline) Thread.sleep(20);
        assertNotNull(scanThread(), "the missed scan started");

        await(vertx.close());
        vertx = null;
        assertEquals(null, scanThread(), "no scan thread outlives the node");
        try (Database db = Database.open(storage)) {
            ScanRun run = new ScanStore(db.dataSource(), dir).latest().orElseThrow();
            assertEquals(ScanRun.FAILED, run.status(), "recorded as stopped, not left RUNNING: " + run);
        }
    }

    private ServerSocket hungServer() throws IOException {
        ServerSocket server = new ServerSocket(0);
        Thread acceptor = new Thread(() -> {
            try {
                while (true) held.add(server.accept());
            } catch (IOException closed) {
                // test over
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    private static Thread scanThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("scan-startup") && t.isAlive())
                .findFirst().orElse(null);
    }

    HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
