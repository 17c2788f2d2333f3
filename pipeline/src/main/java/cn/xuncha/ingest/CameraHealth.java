package cn.xuncha.ingest;

import java.time.Instant;

/** Snapshot of one camera's health; published on the event bus and served by GET /api/cameras. */
public record CameraHealth(
        String cameraId,
        String pointId,
        String source,
        HealthState state,
        Instant since,
        Instant lastFrameAt,
        long frames,
        long reconnects,
        long bytesRead,
        String lastError) {}
