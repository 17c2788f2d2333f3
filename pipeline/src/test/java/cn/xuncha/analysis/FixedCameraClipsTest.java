package cn.xuncha.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real fixed-camera clips with people and cars (../shared/datasets/fixed-cameras): nothing that passes through
 * may become a finding. Worst case on purpose: the classifier calls every crop garbage, so only the
 * static-change stage stands between passing traffic and a false flag.
 */
class FixedCameraClipsTest {
    static final Path DIR = Path.of(System.getProperty("xuncha.shared", "../../shared"), "datasets", "fixed-cameras");

    /** The street clip burns a clock and captions into the picture: configured away as a deployment would. */
    static List<ZoneConfig> zones(String clip) {
        if (!clip.startsWith("street")) return List.of();
        return List.of(
                new ZoneConfig("clock", ZoneRule.IGNORE, List.of(new int[] {0, 0}, new int[] {100, 0}, new int[] {100, 40}, new int[] {0, 40}), Duration.ZERO),
                new ZoneConfig("caption", ZoneRule.IGNORE, List.of(new int[] {135, 0}, new int[] {260, 0}, new int[] {260, 40}, new int[] {135, 40}), Duration.ZERO),
                new ZoneConfig("alarm banner", ZoneRule.IGNORE, List.of(new int[] {0, 72}, new int[] {82, 72}, new int[] {82, 98}, new int[] {0, 98}), Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"street-320x240.avi", "highway-320x240.avi", "road-640x360.avi"})
    void nothingPassingThroughIsFlaggedAtDefaults(String clip) throws Exception {
        run(clip, 1_000_000, Duration.ofSeconds(10));
    }

    private static void run(String clip, long stepMicros, Duration dwell) throws Exception {
        Path file = DIR.resolve(clip);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file.toAbsolutePath() + " is absent (fixed-camera clips live in ../shared)");
        AnalyzerSettings settings = AnalyzerSettings.defaults().withDefaultDwell(dwell);
        List<Finding> findings = new ArrayList<>();
        int samples = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile()); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
                CameraAnalyzer a = new CameraAnalyzer("clip", "clip", zones(clip), settings, new FixedScoreClassifier(1f))) {
            g.start();
            long next = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (f.timestamp < next) continue;
                next = f.timestamp + stepMicros;
                findings.addAll(a.analyze(Instant.EPOCH.plusNanos(f.timestamp * 1000), conv.convert(f)));
                samples++;
            }
            g.stop();
        }
        System.out.printf("%s (sample %dms, dwell %s): %d samples, %d findings%n", clip, stepMicros / 1000, dwell, samples, findings.size());
        findings.forEach(x -> System.out.println("  " + x.event() + " " + x.box() + " at " + x.at()));
        assertEquals(List.of(), findings.stream().map(x -> x.event() + " " + x.box() + " at " + x.at()).toList());
    }
}
