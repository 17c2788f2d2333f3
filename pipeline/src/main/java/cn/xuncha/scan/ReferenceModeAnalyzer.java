package cn.xuncha.scan;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CameraAnalyzer;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.config.ZoneConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reference-mode analysis for the scan through the analysis stage's {@link CameraAnalyzer}: the analyzer learns the
 * stored reference as its background, then sees the grabbed keyframes repeated on a synthetic clock long enough to
 * pass every dwell time. Whatever differs from the reference in all keyframes (garbage, a parked car) is reported;
 * what moves between keyframes (passers-by) is not.
 */
public final class ReferenceModeAnalyzer implements ScanAnalyzer {
    /** samples after the reference, dwell/2 apart: persistence plus the longest dwell, with room to spare */
    private static final int PASSES = 6;
    /**
     * Smallest finding as a fraction of the frame area. Scan keyframes are a second or two apart, so a distant
     * pedestrian can stand in nearly the same place in all of them; such specks are left to the live analysis.
     */
    public static final double MIN_BOX_FRACTION = 0.0015;
    private final CropClassifier classifier;
    private final AnalyzerSettings settings;

    /** @param classifier shared by all scan workers: calls are serialised here because implementations need not be thread-safe */
    public ReferenceModeAnalyzer(CropClassifier classifier, AnalyzerSettings settings) {
        this.classifier = classifier;
        this.settings = settings.withLearnSamples(1);
    }

    @Override
    public Result analyze(ScanTarget t, Mat reference, List<Mat> frames, Instant at, long trackBase) {
        if (reference == null || frames.isEmpty()) return Result.NONE;
        Duration dwell = maxDwell(t.camera().zones());
        Duration step = dwell.dividedBy(2).plusMillis(1);
        Map<Long, Finding> live = new LinkedHashMap<>();
        try (CameraAnalyzer a = new CameraAnalyzer(t.cameraId(), t.pointId(), t.camera().zones(), settings, new Serialised(classifier))) {
            Instant clock = Instant.EPOCH;
            a.analyze(clock, reference);
            for (int i = 0; i < PASSES; i++) {
                clock = clock.plus(step);
                for (Finding f : a.analyze(clock, frames.get(i % frames.size()))) {
                    if (f.event() == FindingEvent.CLOSED) live.remove(f.trackId());
                    else live.put(f.trackId(), f);
                }
            }
        }
        double minArea = MIN_BOX_FRACTION * frames.get(0).cols() * frames.get(0).rows();
        List<Finding> out = live.values().stream().filter(f -> (double) f.box().w() * f.box().h() >= minArea).map(f -> new Finding(f.cameraId(), f.pointId(), trackBase + f.trackId(),
                FindingEvent.OPENED, f.category(), f.score(), f.box(), at, f.evidence())).toList();
        return new Result(out, true);
    }

    private Duration maxDwell(List<ZoneConfig> zones) {
        Duration d = settings.defaultDwell();
        for (ZoneConfig z : zones) if (z.dwell() != null && z.dwell().compareTo(d) > 0) d = z.dwell();
        return d;
    }

    /** Serialises calls into a classifier that need not be thread-safe. */
    private record Serialised(CropClassifier inner) implements CropClassifier {
        @Override
        public float[] score(List<Mat> crops) {
            synchronized (inner) {
                return inner.score(crops);
            }
        }

        @Override
        public double threshold() {
            return inner.threshold();
        }

        @Override
        public void close() {
            // the shared classifier outlives one camera
        }
    }
}
