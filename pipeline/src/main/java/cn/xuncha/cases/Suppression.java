package cn.xuncha.cases;

import cn.xuncha.analysis.Box;
import java.time.Instant;

/** A dismissed false alarm: detections at the same spot with a similar look are not raised again until {@code until}. */
public record Suppression(long id, String cameraId, Box box, Long appearanceHash, long sourceCaseId, Instant createdAt, Instant until) {

    /** True when a detection at {@code box} looking like {@code hash} at time {@code at} is the same false alarm. */
    public boolean covers(Box other, Long hash, Instant at, double minIou, int maxHashDistance) {
        if (!at.isBefore(until) || box.iou(other) < minIou) return false;
        if (appearanceHash == null || hash == null) return true; // no crop to compare: the spot alone decides
        return AppearanceHash.distance(appearanceHash, hash) <= maxHashDistance;
    }
}
