package cn.xuncha.review;

import cn.xuncha.ingest.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * GET /api/events: server-sent events for the live UI — {@code case} from {@value #CASES_CHANGED} (unit users only
 * their unit's) and {@code camera} from the camera health address (staff only). A slow client misses events rather
 * than buffering without bound; the UI refetches on every event anyway.
 */
public final class EventRoutes implements RouteContributor {
    /** Published by the cases stage (CasesVerticle.CHANGED). */
    public static final String CASES_CHANGED = "xuncha.cases.changed";
    private static final long HEARTBEAT_MS = 15_000;
    private final Vertx vertx;

    public EventRoutes(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/events").handler(this::stream);
    }

    private void stream(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        HttpServerResponse r = ctx.response().setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store").putHeader("X-Accel-Buffering", "no");
        r.write("retry: 3000\n\n");
        List<MessageConsumer<Object>> consumers = new ArrayList<>();
        consumers.add(vertx.eventBus().consumer(CASES_CHANGED, m -> {
            JsonObject j = asJson(m.body());
            if (j != null && a.canSeeUnit(j.getString("unit"))) send(r, "case", j);
        }));
        if (a.role() != Role.UNIT) {
            consumers.add(vertx.eventBus().consumer(Addresses.CAMERA_HEALTH, m -> {
                JsonObject j = asJson(m.body());
                if (j != null) send(r, "camera", j.copy().put("source", (String) null));
            }));
        }
        long timer = vertx.setPeriodic(HEARTBEAT_MS, t -> {
            if (!r.writeQueueFull()) r.write(": ping\n\n");
        });
        r.closeHandler(v -> {
            vertx.cancelTimer(timer);
            consumers.forEach(MessageConsumer::unregister);
        });
    }

    private static JsonObject asJson(Object body) {
        if (body instanceof JsonObject j) return j;
        if (body instanceof String s) return new JsonObject(s);
        return null;
    }

    private static void send(HttpServerResponse r, String event, JsonObject data) {
        if (r.closed() || r.writeQueueFull()) return;
        r.write("event: " + event + "\ndata: " + data.encode() + "\n\n");
    }
}
