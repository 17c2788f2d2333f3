package cn.xuncha.review;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.ingest.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GET /api/board (挂图作战): every point grouped by responsible unit, with its open-case counts, worst open case and
 * camera health. Unit users get their own unit only. No camera URLs: ids, names and health.
 */
public final class BoardRoutes implements RouteContributor {
    private final Vertx vertx;
    private final XunchaConfig config;
    private final OpenCaseCounts counts;
    private final Clock clock;

    public BoardRoutes(Vertx vertx, XunchaConfig config, OpenCaseCounts counts, Clock clock) {
        this.vertx = vertx;
        this.config = config;
        this.counts = counts;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/board").handler(this::board);
    }

    private void board(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        Future<Map<String, String>> health = vertx.sharedData().<String, String>getAsyncMap(Addresses.HEALTH_MAP).compose(m -> m.entries());
        Future<Map<String, OpenCaseCounts.Counts>> open = vertx.executeBlocking(() -> counts.byPoint(clock.instant()), false);
        Future.all(health, open).onSuccess(x -> {
            Map<String, JsonArray> byUnit = new LinkedHashMap<>();
            for (PointConfig p : config.points()) {
                String unit = p.unit() == null ? "" : p.unit();
                if (!a.canSeeUnit(unit)) continue;
                byUnit.computeIfAbsent(unit, u -> new JsonArray()).add(point(p, open.result().get(p.id()), health.result()));
            }
            JsonArray units = new JsonArray();
            byUnit.forEach((u, points) -> units.add(new JsonObject().put("unit", u).put("points", points)));
            ctx.json(new JsonObject().put("units", units));
        }).onFailure(ctx::fail);
    }

    private static JsonObject point(PointConfig p, OpenCaseCounts.Counts c, Map<String, String> health) {
        OpenCaseCounts.Counts n = c == null ? new OpenCaseCounts.Counts(0, 0, 0, 0, 0, 0) : c;
        JsonArray cams = new JsonArray();
        int online = 0;
        for (CameraConfig cam : p.cameras()) {
            String h = health.get(cam.id());
            JsonObject hj = h == null ? new JsonObject() : new JsonObject(h);
            String state = hj.getString("state", "CONNECTING");
            if (state.equals("ONLINE")) online++;
            cams.add(new JsonObject().put("id", cam.id()).put("name", cam.name()).put("state", state).put("since", hj.getString("since")));
        }
        String cameraHealth = p.cameras().isEmpty() ? "none" : online == p.cameras().size() ? "ok" : online == 0 ? "down" : "degraded";
        return new JsonObject().put("id", p.id()).put("name", p.name()).put("type", p.type()).put("unit", p.unit())
                .put("worst", n.worst()).put("open", n.open()).put("pending", n.pending()).put("confirmed", n.confirmed())
                .put("dispatched", n.dispatched()).put("rectified", n.rectified()).put("overdue", n.overdue()).put("rebound", n.rebound())
                .put("cameraHealth", cameraHealth).put("cameras", cams);
    }
}
