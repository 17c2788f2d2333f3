package cn.xuncha.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clips the demo cameras play ({@code seeds/demo.yaml} points at {@code data/demo-media/<scene>.mp4}).
 * Generated on first use and whenever the renderer version changes; otherwise {@link #prepare} returns at once.
 */
public final class DemoMedia {
    /** Scenes with a demo camera, in seeds/demo.yaml order. */
    public static final List<String> SCENES = List.of("street_bag", "street_quiet", "market_vendor", "market_mixed",
            "road_parking", "street_boxes");
    private static final Logger LOG = LoggerFactory.getLogger(DemoMedia.class);

    private DemoMedia() {}

    /**
     * 720p like the street cameras, but 5 fps: the service only decodes keyframes (one per 2 s), and a lower
     * frame rate keeps first-run encoding to seconds per clip instead of a minute.
     */
    public static ClipSpec spec(String scene) {
        DemoScene s = DemoScenes.byName(scene);
        return new ClipSpec(scene, Resolution.P720, 5, 2.0, s.durationSeconds(), H264Profile.MAIN, 1);
    }

    /** Where the clip of scene lives under dataDir. */
    public static Path clipPath(Path dataDir, String scene) {
        return dataDir.resolve("demo-media").resolve(scene + ".mp4");
    }

    /** Makes sure every demo clip exists and is current; returns scene name to clip file. */
    public static Map<String, Path> prepare(Path dataDir) {
        Map<String, Path> out = new LinkedHashMap<>();
        SCENES.forEach(scene -> out.put(scene, clipPath(dataDir, scene)));
        List<String> missing = outdated(dataDir);
        if (missing.isEmpty()) return out;
        LOG.info("generating {} demo clips into {} (first run only): {}", missing.size(), dataDir.resolve("demo-media"), missing);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (String scene : missing) jobs.add(pool.submit(() -> generate(dataDir, scene)));
            for (Future<?> job : jobs) job.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("demo clip generation failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating demo clips", e);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    /** Scenes whose clip under dataDir is missing or was made by another renderer version. */
    public static List<String> outdated(Path dataDir) {
        return SCENES.stream().filter(scene -> !current(dataDir, scene)).toList();
    }

    private static void generate(Path dataDir, String scene) {
        long t0 = System.nanoTime();
        Path clip = clipPath(dataDir, scene);
        ClipWriter.write(spec(scene), clip);
        try {
            // the marker is written after the clip, so an interrupted run regenerates rather than keeps half a set
            Files.writeString(marker(clip), spec(scene).fileName(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + marker(clip), e);
        }
        LOG.info("demo clip {} ready in {} s", clip.getFileName(), (System.nanoTime() - t0) / 1_000_000_000);
    }

    private static boolean current(Path dataDir, String scene) {
        Path clip = clipPath(dataDir, scene);
        try {
            return Files.isRegularFile(clip) && Files.isRegularFile(marker(clip))
                    && Files.readString(marker(clip), StandardCharsets.UTF_8).trim().equals(spec(scene).fileName());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path marker(Path clip) {
        return clip.resolveSibling(clip.getFileName() + ".spec");
    }
}
