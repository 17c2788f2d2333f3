package cn.xuncha.cli;

import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.config.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/** Counts and timings of one {@code analyze} run, reported in its summary line. */
final class AnalysisRun {
    private long[] nanos = new long[256];
    private int samples;
    private final EnumMap<FindingEvent, Integer> events = new EnumMap<>(FindingEvent.class);
    String classifier = "";
    private int cropsScored;
    double duration;

    void record(long sampleNanos) {
        if (samples == nanos.length) nanos = Arrays.copyOf(nanos, samples * 2);
        nanos[samples++] = sampleNanos;
    }

    /** Wraps the classifier to count scored crops: how many static objects outlived their dwell. */
    CropClassifier counting(CropClassifier c) {
        return new CropClassifier() {
            @Override
            public float[] score(List<Mat> crops) {
                cropsScored += crops.size();
                return c.score(crops);
            }

            @Override
            public double threshold() {
                return c.threshold();
            }

            @Override
            public double cropPadding() {
                return c.cropPadding();
            }
        };
    }

    void count(FindingEvent e) {
        events.merge(e, 1, Integer::sum);
    }

    Map<String, Object> summary(Path video, Duration interval, Duration dwell) {
        Map<String, Object> ev = new LinkedHashMap<>();
        for (FindingEvent e : FindingEvent.values()) ev.put(e.name().toLowerCase(), events.getOrDefault(e, 0));
        long[] sorted = Arrays.copyOf(nanos, samples);
        Arrays.sort(sorted);
        Map<String, Object> ms = new LinkedHashMap<>();
        ms.put("median", percentileMs(sorted, 0.5));
        ms.put("p95", percentileMs(sorted, 0.95));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("video", video.toString());
        s.put("samples", samples);
        s.put("duration", Math.round(duration * 1000) / 1000.0);
        s.put("sample", Durations.format(interval));
        s.put("dwell", Durations.format(dwell));
        s.put("events", ev);
        s.put("msPerSample", ms);
        s.put("classifier", classifier);
        s.put("cropsScored", cropsScored);
        return s;
    }

    /** Nearest-rank percentile in milliseconds, 3 decimals; 0 when there are no samples. */
    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) return 0;
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return Math.round(sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1000.0) / 1000.0;
    }
}
