package cn.xuncha.cli.bench;

import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import cn.xuncha.ingest.Backoff;
import cn.xuncha.ingest.CameraHealth;
import cn.xuncha.ingest.CameraSupervisor;
import cn.xuncha.ingest.FfmpegLogging;
import cn.xuncha.ingest.FrameSample;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.ingest.FrameSources;
import cn.xuncha.ingest.HealthState;
import cn.xuncha.ingest.SourceSettings;
import cn.xuncha.testbed.LocalRtspServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xuncha bench ingest}: N cameras on the local RTSP server in this JVM, keyframe-only vs decode-every-frame,
 * measuring process CPU per camera-second, cameras per core and RSS per camera.
 */
@Command(name = "ingest", description = "Ingest cost: N RTSP cameras in one JVM, keyframe-only vs decode-every-frame.")
public final class BenchIngestCommand implements Callable<Integer> {
    @Option(names = "--cameras", defaultValue = "50", description = "number of cameras (default ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--resolution", defaultValue = "1080p", description = "720p or 1080p (default ${DEFAULT-VALUE})")
    String resolution;

    @Option(names = "--seconds", defaultValue = "40", description = "measured seconds per mode (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--interval", defaultValue = "5", description = "sample interval in seconds (default ${DEFAULT-VALUE})")
    int interval;

    @Option(names = "--clip", paramLabel = "FILE.mp4", description = "serve this H.264 MP4 (e.g. a real camera recording) instead of the generated street clip")
    java.nio.file.Path clip;

    @Option(names = "--rtsp-client", defaultValue = "builtin", description = "builtin or ffmpeg (the FFmpeg demuxer, for comparison; default ${DEFAULT-VALUE})")
    String rtspClient;

    @Option(names = "--every-frame-cameras", paramLabel = "N", description = "cameras for the decode-every-frame phase "
            + "(default: --cameras, at most 8 per core: more would saturate the machine and under-report the cost per camera)")
    Integer everyFrameCameras;

    /** Above this share of all cores a phase's per-camera figure is capped by the machine, not measured. */
    static final double SATURATED = 0.8;

    private IngestConfig.RtspClient client;

    record Result(String mode, int cameras, double cpuPerCameraSecondMs, double camerasPerCore, long rssPerCameraKb,
                  long samples, int online, double machineBusy) {}

    @Override
    public Integer call() throws Exception {
        if (clip != null && !java.nio.file.Files.isRegularFile(clip)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--clip: no such file: " + clip.toAbsolutePath());
        }
        Resolution res = switch (resolution.toLowerCase(Locale.ROOT)) {
            case "720p" -> Resolution.P720;
            case "1080p" -> Resolution.P1080;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--resolution must be 720p or 1080p");
        };
        client = switch (rtspClient.toLowerCase(Locale.ROOT)) {
            case "builtin" -> IngestConfig.RtspClient.BUILTIN;
            case "ffmpeg" -> IngestConfig.RtspClient.FFMPEG;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--rtsp-client must be builtin or ffmpeg");
        };
        FfmpegLogging.quiet();
        System.out.printf("bench ingest: %d cameras, %s, sample every %d s, %d s per mode; %s ...%n",
                cameras, clip != null ? clip.getFileName() : resolution, interval, seconds, clip != null ? "serving the given clip" : "encoding the clip if needed");
        ClipSpec generated = ClipSpec.of("street_quiet", res, 20); // loops seamlessly; shorter encodes faster
        var builder = clip != null ? LocalRtspServer.builder().mounts(cameras, clip) : LocalRtspServer.builder().mounts(cameras, generated);
        try (LocalRtspServer server = builder.start()) {
            long baseRss = ProcessStats.rssBytes();
            List<Result> results = new ArrayList<>();
            int cores = Runtime.getRuntime().availableProcessors();
            int everyFrame = everyFrameCameras != null ? Math.max(1, Math.min(cameras, everyFrameCameras)) : Math.min(cameras, 8 * cores);
            results.add(measure(server, true, cameras, baseRss));
            results.add(measure(server, false, everyFrame, baseRss));
            print(results);
        }
        return 0;
    }

    private Result measure(LocalRtspServer server, boolean keyOnly, int cameras, long baseRss) throws InterruptedException {
        AtomicLong samples = new AtomicLong();
        List<CameraSupervisor> sups = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < cameras; i++) {
            String mount = server.mounts().get(i);
            SourceSettings s = new SourceSettings("bench" + i, "bench", server.url(mount), Duration.ofSeconds(interval),
                    Duration.ofSeconds(20), Duration.ofSeconds(20), keyOnly, 1280);
            CameraSupervisor sup = new CameraSupervisor(s, mount, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5), new Random(i)),
                    FrameSources.factory(client), new CameraSupervisor.Listener() {
                        @Override
                        public void onHealth(CameraHealth h) {}

                        @Override
                        public void onSample(FrameSample sample) {
                            sample.close();
                            samples.incrementAndGet();
                        }
                    }, Clock.systemUTC());
            sups.add(sup);
            Thread t = new Thread(sup);
            threads.add(t);
            t.start();
        }
        long warmEnd = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < warmEnd && online(sups) < cameras) Thread.sleep(200);
        Thread.sleep(interval * 1000L + 2000); // every camera past its first (connect-time) sample
        long cpu0 = ProcessStats.cpuNanos();
        long s0 = samples.get();
        long t0 = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        long cpu = ProcessStats.cpuNanos() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e9;
        long rss = ProcessStats.rssBytes();
        int online = online(sups);
        long taken = samples.get() - s0;
        sups.forEach(CameraSupervisor::stop);
        for (Thread t : threads) t.join(10_000);
        double cpuPerCamSec = cpu / 1e6 / (cameras * wall);
        double busy = cpu / 1e9 / wall / Runtime.getRuntime().availableProcessors();
        return new Result(keyOnly ? "keyframe-only" : "every-frame", cameras, cpuPerCamSec, 1000.0 / cpuPerCamSec,
                Math.max(0, (rss - baseRss) / 1024 / cameras), taken, online, busy);
    }

    private static int online(List<CameraSupervisor> sups) {
        return (int) sups.stream().filter(s -> s.health().state() == HealthState.ONLINE).count();
    }

    private void print(List<Result> r) {
        System.out.printf("%n%-15s %8s %22s %14s %16s %9s %8s %13s%n", "mode", "cameras", "CPU ms/camera-second", "cameras/core",
                "RSS KiB/camera", "samples", "online", "machine busy");
        for (Result x : r) {
            System.out.printf(Locale.ROOT, "%-15s %8d %22.3f %14.0f %16d %9d %5d/%-2d %12.0f%%%n", x.mode(), x.cameras(),
                    x.cpuPerCameraSecondMs(), x.camerasPerCore(), x.rssPerCameraKb(), x.samples(), x.online(), x.cameras(),
                    100 * x.machineBusy());
        }
        Result key = r.get(0), every = r.get(1);
        double ratio = every.cpuPerCameraSecondMs() / key.cpuPerCameraSecondMs();
        System.out.printf(Locale.ROOT, "keyframe-only is %.1fx cheaper than decode-every-frame; native bytes now %d MiB%n",
                ratio, Pointer.physicalBytes() / (1 << 20));
        for (Result x : r) {
            if (x.machineBusy() > SATURATED) {
                System.out.printf(Locale.ROOT, "warning: %s kept %.0f%% of all cores busy: its cost per camera is capped by the machine "
                        + "(the server drops what a client cannot take); measure it with fewer cameras%n", x.mode(), 100 * x.machineBusy());
            }
        }
        System.out.printf(Locale.ROOT,
                "{\"bench\":\"ingest\",\"cameras\":%d,\"everyFrameCameras\":%d,\"resolution\":\"%s\",\"clip\":\"%s\",\"rtspClient\":\"%s\","
                        + "\"intervalS\":%d,\"seconds\":%d,\"keyframeCpuMsPerCamSec\":%.4f,\"keyframeCamerasPerCore\":%.1f,"
                        + "\"everyFrameCpuMsPerCamSec\":%.4f,\"everyFrameCamerasPerCore\":%.1f,\"speedup\":%.2f,\"rssKiBPerCamera\":%d,"
                        + "\"onlineKeyframe\":%d,\"onlineEveryFrame\":%d,\"keyframeMachineBusy\":%.3f,\"everyFrameMachineBusy\":%.3f}%n",
                key.cameras(), every.cameras(), resolution, clip != null ? clip.getFileName().toString().replace("\"", "") : "generated",
                client.name().toLowerCase(Locale.ROOT), interval, seconds, key.cpuPerCameraSecondMs(), key.camerasPerCore(),
                every.cpuPerCameraSecondMs(), every.camerasPerCore(), ratio, key.rssPerCameraKb(), key.online(), every.online(),
                key.machineBusy(), every.machineBusy());
    }
}
