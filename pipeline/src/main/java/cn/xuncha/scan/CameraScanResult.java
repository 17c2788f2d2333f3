package cn.xuncha.scan;

import java.time.Duration;
import java.time.Instant;

/**
 * What the scan learned about one camera: its checks, how many frames it delivered, what the analysis found and
 * which open cases it verified as cleared, and a small JPEG of the view for the report.
 *
 * @param thumbnailJpeg null when the camera delivered no frame
 * @param error why the analysis or the cases hand-off failed (camera faults are in {@code checks}), or null
 */
public record CameraScanResult(ScanTarget target, CameraCheckResult checks, int frames, int findings, int cleared,
                               byte[] thumbnailJpeg, Instant checkedAt, Duration took, String error) {
    /** OK, or the name of the failed check. */
    public String status() {
        return checks.fault().map(v -> v.kind().name()).orElse("OK");
    }

    public boolean failed() {
        return !checks.healthy();
    }
}
