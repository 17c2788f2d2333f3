package cn.xuncha.ingest;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** CameraHealth ⇄ JSON for the event bus and the cluster-wide health map (explicit, so the wire format is stable). */
public final class CameraHealthJson {
    private CameraHealthJson() {}

    public static JsonObject toJson(CameraHealth h) {
        return new JsonObject()
                .put("cameraId", h.cameraId())
                .put("pointId", h.pointId())
                .put("source", h.source())
                .put("state", h.state().name())
                .put("since", str(h.since()))
                .put("lastFrameAt", str(h.lastFrameAt()))
                .put("frames", h.frames())
                .put("reconnects", h.reconnects())
                .put("bytesRead", h.bytesRead())
                .put("lastError", h.lastError());
    }

    public static CameraHealth fromJson(JsonObject j) {
        return new CameraHealth(j.getString("cameraId"), j.getString("pointId"), j.getString("source"),
                HealthState.valueOf(j.getString("state")), inst(j.getString("since")), inst(j.getString("lastFrameAt")),
                j.getLong("frames", 0L), j.getLong("reconnects", 0L), j.getLong("bytesRead", 0L), j.getString("lastError"));
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    private static Instant inst(String s) {
        return s == null ? null : Instant.parse(s);
    }
}
