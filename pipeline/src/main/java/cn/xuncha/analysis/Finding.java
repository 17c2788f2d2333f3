package cn.xuncha.analysis;

import java.time.Instant;

/**
 * What the analysis stage reports to the cases stage for one tracked object in one camera view.
 * Sent over the event bus as JSON (so a second cluster node can consume it); evidence JPEGs travel with it.
 *
 * @param trackId stable per camera while the object stays in view; the cases stage dedups on it and on box overlap
 */
public record Finding(
        String cameraId,
        String pointId,
        long trackId,
        FindingEvent event,
        Category category,
        double score,
        Box box,
        Instant at,
        Evidence evidence) {}
