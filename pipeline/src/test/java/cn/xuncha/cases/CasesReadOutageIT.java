package cn.xuncha.cases;

import static cn.xuncha.cases.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.LocalPostgres;
import cn.xuncha.cases.web.CaseRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads while PostgreSQL is down answer 503 with a message (not 500), and work again once it is back. */
class CasesReadOutageIT {
    @TempDir Path dir;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readsDuringOutageAre503WithMessage() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (LocalPostgres pg = PostgresServer.start(); Database db = Database.open(pg.storage(dir.toString()));
             CaseService service = new CaseService(db, dir, CasesConfig.DEFAULT, p -> "环卫所", Clock.systemUTC(), c -> { })) {
            service.ingest(Fixtures.finding("cam-1", 1, FindingEvent.OPENED, Category.LITTER, 0.8, new Box(10, 10, 40, 40), T0))
                    .get(30, TimeUnit.SECONDS);
            Router router = Router.router(vertx);
            new CaseRoutes(vertx, service, Clock.systemUTC()).mount(router);
            int port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await(30, TimeUnit.SECONDS).actualPort();
            assertEquals(1, new JsonObject(get(port, "/api/cases/stats").body()).getJsonObject("total").getInteger("open"));

            pg.stopServer();
            for (String path : new String[] {"/api/cases", "/api/cases/1", "/api/cases/stats?unit=x"}) {
                HttpResponse<String> r = get(port, path);
                assertEquals(503, r.statusCode(), path + ": " + r.body());
                assertTrue(new JsonObject(r.body()).getString("error").startsWith("database unavailable"), r.body());
                assertEquals("5", r.headers().firstValue("Retry-After").orElse(""));
            }
            pg.startServer();
            HttpResponse<String> back = get(port, "/api/cases");
            for (int i = 0; i < 20 && back.statusCode() != 200; i++) { // the pool may need a moment to reconnect
                Thread.sleep(250);
                back = get(port, "/api/cases");
            }
            assertEquals(200, back.statusCode(), back.body());
            assertEquals(1, new JsonObject(back.body()).getInteger("total"));
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
