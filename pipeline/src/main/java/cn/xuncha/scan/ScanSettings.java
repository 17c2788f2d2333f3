package cn.xuncha.scan;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Tuning of the nightly scan (YAML section {@code scan:}).
 *
 * @param time local time of the daily scan; {@code zone} its time zone
 * @param concurrency cameras scanned at once
 * @param grace a scan missed while the service was down runs at startup if the start is at most this late
 * @param framesPerCamera keyframes grabbed per camera (their per-pixel median is checked, shown and kept as the reference; analysis needs several)
 * @param frameSpacing minimum time between two grabbed keyframes: long enough that a walking person has clearly moved
 * @param cameraTimeout whole-camera budget (connect + grab); the source is aborted after it
 * @param thresholds camera-check thresholds
 * @param singleImage when the single-image detector also looks at a camera (it costs far more CPU than reference mode)
 */
public record ScanSettings(LocalTime time, ZoneId zone, int concurrency, Duration grace, int framesPerCamera,
                           Duration frameSpacing, Duration cameraTimeout, CheckThresholds thresholds,
                           CombinedScanAnalyzer.SingleImage singleImage) {
    public static final ScanSettings DEFAULT = new ScanSettings(LocalTime.of(2, 0), ZoneId.of("Asia/Shanghai"), 8,
            Duration.ofHours(6), 3, Duration.ofMillis(1900), Duration.ofSeconds(40), CheckThresholds.DEFAULT,
            CombinedScanAnalyzer.SingleImage.WITHOUT_REFERENCE);

    public ScanSettings {
        if (concurrency < 1 || concurrency > 256) throw new IllegalArgumentException("scan.concurrency must be 1..256, got " + concurrency);
        if (framesPerCamera < 1 || framesPerCamera > 20) throw new IllegalArgumentException("scan.framesPerCamera must be 1..20, got " + framesPerCamera);
        if (grace.isNegative()) throw new IllegalArgumentException("scan.graceHours must be >= 0");
    }

    public ScanSettings withConcurrency(int n) {
        return new ScanSettings(time, zone, n, grace, framesPerCamera, frameSpacing, cameraTimeout, thresholds, singleImage);
    }

    public ScanSettings withFramesPerCamera(int n) {
        return new ScanSettings(time, zone, concurrency, grace, n, frameSpacing, cameraTimeout, thresholds, singleImage);
    }
}
