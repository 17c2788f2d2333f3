package cn.xuncha.scan;

import java.time.Instant;

/** A stored camera check of one scan, as the report reads it. {@code thumbnail} is a file name under the run's folder. */
public record CameraCheckRow(long scanId, String cameraId, String pointId, String status, double measured, double threshold,
                             String detail, int frames, int findings, int cleared, String thumbnail, Instant checkedAt) {
    public boolean online() {
        return !"OFFLINE".equals(status);
    }

    public boolean healthy() {
        return "OK".equals(status);
    }
}
