package cn.xuncha.analysis;

import java.time.Duration;

/**
 * Tuning of the per-camera static-change analysis. Thresholds act on the features of {@link FrameFeatures}
 * (log-intensity gradients and normalised chromaticity), so they do not depend on exposure.
 *
 * @param analysisWidth frames wider than this are downscaled before analysis (boxes are reported in original pixels)
 * @param learnSamples samples whose per-pixel median becomes the reference background
 * @param defaultDwell how long a static object must stay before it is judged, outside zones that set their own
 * @param persistSamples consecutive static samples a pixel needs before it can belong to a candidate
 * @param closeAfterMisses samples an opened object must be absent before it is reported CLOSED
 * @param minArea smallest candidate in analysis pixels
 * @param maxAreaFraction larger candidates are treated as a global disturbance, not an object
 * @param textureThreshold local energy of the high-pass log-ratio image marking a texture change (a shadow or gain
 *     change leaves the log ratio smooth; an object replaces the texture)
 * @param chromaThreshold L1 distance of normalised (b,r) chromaticity marking a colour change
 * @param brighterLog, darkerLog gain-compensated log-intensity change beyond which a change is not lighting/shadow
 * @param motionLog log-intensity change between consecutive samples marking motion
 * @param rescoreEvery samples between classifier calls for the same track
 * @param updateInterval minimum time between two UPDATED events of one track
 * @param adaptAlpha weight of the current frame when the reference adapts on background pixels
 * @param disturbanceFraction changed fraction of the analysed area above which a sample is a global disturbance
 * @param disturbanceSamples consecutive disturbed samples after which the reference is relearned
 */
public record AnalyzerSettings(
        int analysisWidth,
        int learnSamples,
        Duration defaultDwell,
        int persistSamples,
        int closeAfterMisses,
        int minArea,
        double maxAreaFraction,
        double textureThreshold,
        double chromaThreshold,
        double brighterLog,
        double darkerLog,
        double motionLog,
        int rescoreEvery,
        Duration updateInterval,
        double adaptAlpha,
        double disturbanceFraction,
        int disturbanceSamples) {

    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(640, 7, Duration.ofSeconds(10), 2, 5, 40, 0.3,
                0.003, 0.08, Math.log(1.8), Math.log(0.3), 0.08, 5, Duration.ofSeconds(60), 0.02, 0.4, 5);
    }

    public AnalyzerSettings withDefaultDwell(Duration dwell) {
        return new AnalyzerSettings(analysisWidth, learnSamples, dwell, persistSamples, closeAfterMisses, minArea,
                maxAreaFraction, textureThreshold, chromaThreshold, brighterLog, darkerLog, motionLog, rescoreEvery,
                updateInterval, adaptAlpha, disturbanceFraction, disturbanceSamples);
    }

    public AnalyzerSettings withLearnSamples(int n) {
        return new AnalyzerSettings(analysisWidth, n, defaultDwell, persistSamples, closeAfterMisses, minArea,
                maxAreaFraction, textureThreshold, chromaThreshold, brighterLog, darkerLog, motionLog, rescoreEvery,
                updateInterval, adaptAlpha, disturbanceFraction, disturbanceSamples);
    }
}
