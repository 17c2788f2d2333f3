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
 * @param detectors single-image detector instances, each lent to one worker at a time and holding ~130 MB of networks;
 *     0 = one per core, at most 4 ({@link DetectorPool#defaultSize})
 */
public record ScanSettings(LocalTime time, ZoneId zone, int concurrency, Duration grace, int framesPerCamera,
                           Duration frameSpacing, Duration cameraTimeout, CheckThresholds thresholds,
                           CombinedScanAnalyzer.SingleImage singleImage, int detectors) {
    public static final ScanSettings DEFAULT = new ScanSettings(LocalTime.of(2, 0), ZoneId.of("Asia/Shanghai"), 8,
            Duration.ofHours(6), 3, Duration.ofMillis(1900), Duration.ofSeconds(40), CheckThresholds.DEFAULT,
            CombinedScanAnalyzer.SingleImage.WITHOUT_REFERENCE, 0);
    /** The most detector instances a config may ask for. */
    public static final int MAX_DETECTORS = 16;

    public ScanSettings {
        if (concurrency < 1 || concurrency > 256) throw new IllegalArgumentException("scan.concurrency must be 1..256, got " + concurrency);
        if (framesPerCamera < 1 || framesPerCamera > 20) throw new IllegalArgumentException("scan.framesPerCamera must be 1..20, got " + framesPerCamera);
        if (grace.isNegative()) throw new IllegalArgumentException("scan.graceHours must be >= 0");
        if (detectors < 0 || detectors > MAX_DETECTORS) {
            throw new IllegalArgumentException("scan.detectors must be auto or 1.." + MAX_DETECTORS + ", got " + detectors);
        }
    }

    public ScanSettings withConcurrency(int n) {
        return new ScanSettings(time, zone, n, grace, framesPerCamera, frameSpacing, cameraTimeout, thresholds, singleImage, detectors);
    }

    public ScanSettings withFramesPerCamera(int n) {
        return new ScanSettings(time, zone, concurrency, grace, n, frameSpacing, cameraTimeout, thresholds, singleImage, detectors);
    }

    /** The detector instances to load on a machine with this many cores. */
    public int detectorInstances(int cores) {
        return detectors > 0 ? detectors : DetectorPool.defaultSize(cores);
    }
}
