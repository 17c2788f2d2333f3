package cn.xuncha.ingest;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.review.ApiErrors;
import cn.xuncha.review.RouteContributor;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Camera health API: GET /api/cameras (all cameras, health from the cluster-wide map joined with the registry),
 * GET /api/cameras/{id}, GET /api/cameras/{id}/latest.jpg. URLs are shown masked; credentials never leave the server.
 */
public final class CameraRoutes implements RouteContributor {
    private final Vertx vertx;
    private final XunchaConfig config;

    public CameraRoutes(Vertx vertx, XunchaConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/cameras").handler(this::list);
        router.get("/api/cameras/:id").handler(this::one);
        router.get("/api/cameras/:id/latest.jpg").handler(this::latest);
    }

    private void list(RoutingContext ctx) {
        healthMap().onSuccess(health -> {
            JsonArray out = new JsonArray();
            for (PointConfig p : config.points()) for (CameraConfig c : p.cameras()) out.add(view(p, c, health.get(c.id())));
            ctx.json(out);
        }).onFailure(ctx::fail);
    }

    private void one(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        PointConfig p = config.pointOfCamera(id).orElse(null);
        if (p == null) {
            ApiErrors.send(ctx, 404, "no camera with id '" + id + "'");
            return;
        }
        CameraConfig c = p.cameras().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        healthMap().onSuccess(health -> ctx.json(view(p, c, health.get(id)))).onFailure(ctx::fail);
    }

    private void latest(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (config.pointOfCamera(id).isEmpty()) {
            ApiErrors.send(ctx, 404, "no camera with id '" + id + "'");
            return;
        }
        vertx.eventBus().<Buffer>request(Addresses.CAMERA_SNAPSHOT_PREFIX + id, "").onSuccess(reply -> ctx.response()
                .putHeader("content-type", "image/jpeg").putHeader("cache-control", "no-store").end(reply.body()))
                .onFailure(e -> ApiErrors.send(ctx, 404, e instanceof ReplyException ? e.getMessage() : "no frame available"));
    }

    private io.vertx.core.Future<Map<String, String>> healthMap() {
        return vertx.sharedData().<String, String>getAsyncMap(Addresses.HEALTH_MAP).compose(m -> m.entries());
    }

    private static JsonObject view(PointConfig p, CameraConfig c, String healthJson) {
        JsonObject v = new JsonObject().put("id", c.id()).put("name", c.name()).put("pointId", p.id())
                .put("pointName", p.name()).put("pointType", p.type()).put("unit", p.unit()).put("source", c.maskedUrl())
                .put("sampleIntervalMs", c.sampleInterval().toMillis());
        if (healthJson == null) return v.put("state", HealthState.CONNECTING.name());
        JsonObject h = new JsonObject(healthJson);
        h.remove("cameraId");
        h.remove("pointId");
        h.remove("source");
        return v.mergeIn(h);
    }
}
