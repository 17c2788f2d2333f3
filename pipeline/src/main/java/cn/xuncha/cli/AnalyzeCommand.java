package cn.xuncha.cli;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CameraAnalyzer;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.CropClassifiers;
import cn.xuncha.analysis.Finding;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.Durations;
import cn.xuncha.config.ZoneConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xuncha analyze [--json] [--sample 1s] [--dwell 10s] [--zones FILE] VIDEO}: runs the per-camera analysis
 * on a video file as if it were one fixed camera. With --json (the stable contract): one line per case event
 * {@code {"t","event","category","score","box","track"}}, then one {@code {"summary":{...}}} line.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse a video file as one fixed camera and print case events (opened/updated/closed).")
public final class AnalyzeCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Supplier<CropClassifier> classifiers;

    @Spec CommandSpec spec;

    @Option(names = "--json", description = "one JSON object per line (events, then a summary)")
    boolean json;

    @Option(names = "--sample", defaultValue = "1s", description = "sample interval in video time (default: ${DEFAULT-VALUE})")
    String sample;

    @Option(names = "--dwell", defaultValue = "10s", description = "how long an object must stay outside zones with their own dwell (default: ${DEFAULT-VALUE})")
    String dwell;

    @Option(names = "--zones", paramLabel = "FILE", description = "YAML list of zones, same schema as a camera's zones")
    Path zonesFile;

    @Option(names = "--learn", defaultValue = "7", description = "samples used to learn the reference background (default: ${DEFAULT-VALUE})")
    int learn;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "video file (anything FFmpeg reads)")
    Path video;

    public AnalyzeCommand() {
        this(CropClassifiers::loadDefault);
    }

    AnalyzeCommand(Supplier<CropClassifier> classifiers) {
        this.classifiers = classifiers;
    }

    @Override
    public Integer call() throws Exception {
        return DataStdout.run(this::run);
    }

    private Integer run() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration interval, dwellTime;
        List<ZoneConfig> zones = List.of();
        try {
            interval = positive(Durations.parse(sample), "--sample");
            dwellTime = Durations.parse(dwell);
            if (learn < 1) throw new IllegalArgumentException("--learn must be at least 1, got " + learn);
            if (zonesFile != null) zones = new ConfigLoader(System.getenv()).loadZones(zonesFile);
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("xuncha analyze: " + e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(video)) {
            err.println("xuncha analyze: video file not found: " + video);
            return 2;
        }
        AnalyzerSettings settings = AnalyzerSettings.defaults().withDefaultDwell(dwellTime).withLearnSamples(learn);
        AnalysisRun run = new AnalysisRun();
        try (CropClassifier model = classifiers.get(); CropClassifier classifier = run.counting(model);
                CameraAnalyzer analyzer = new CameraAnalyzer("video", "video", zones, settings, classifier)) {
            run.classifier = model.describe();
            double duration = VideoSampler.sample(video, interval, (t, frame) -> {
                long t0 = System.nanoTime();
                List<Finding> findings = analyzer.analyze(Instant.EPOCH.plusNanos((long) (t * 1e9)), frame);
                run.record(System.nanoTime() - t0);
                for (Finding f : findings) print(out, t, f, run);
            });
            run.duration = duration;
        } catch (VideoSampler.VideoException e) {
            err.println("xuncha analyze: " + e.getMessage());
            return 2;
        }
        out.println(json ? JSON.writeValueAsString(Map.of("summary", run.summary(video, interval, dwellTime))) : run.summary(video, interval, dwellTime));
        out.flush();
        return 0;
    }

    private void print(PrintWriter out, double t, Finding f, AnalysisRun run) throws Exception {
        run.count(f.event());
        String event = f.event().name().toLowerCase();
        if (json) {
            Map<String, Object> line = new java.util.LinkedHashMap<>();
            line.put("t", Math.round(t * 1000) / 1000.0);
            line.put("event", event);
            line.put("category", f.category().code());
            line.put("score", Math.round(f.score() * 1000) / 1000.0);
            line.put("box", f.box().toArray());
            line.put("track", f.trackId());
            out.println(JSON.writeValueAsString(line));
        } else {
            out.printf("%8.1fs  %-7s  %-16s  %.2f  %s%n", t, event, f.category().code(), f.score(), List.of(f.box().x(), f.box().y(), f.box().w(), f.box().h()));
        }
        out.flush();
    }

    private static Duration positive(Duration d, String option) {
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException(option + " must be positive");
        return d;
    }
}
