package cn.xuncha.cli;

import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cli.bench.ProcessStats;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import cn.xuncha.ingest.FfmpegLogging;
import cn.xuncha.scan.ScanSettings;
import cn.xuncha.scan.ScanSummary;
import cn.xuncha.scan.ScanTarget;
import cn.xuncha.testbed.LocalRtspServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xuncha bench scan --cameras 166}: wall time of full scans of N cameras (2 per point) on the local RTSP
 * server, on a fresh embedded database. Night 1 sees every camera for the first time (stores references); night 2
 * is a normal night (reference-mode analysis on every camera). Prints a table, then one JSON line.
 */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "Nightly scan wall time over N cameras on the local RTSP server.")
public final class BenchScanCommand implements Callable<Integer> {
    @Option(names = "--cameras", defaultValue = "166", description = "cameras, two per point (default ${DEFAULT-VALUE})")
    int cameras;

    @Option(names = "--concurrency", defaultValue = "8", description = "cameras scanned at once (default ${DEFAULT-VALUE})")
    int concurrency;

    @Option(names = "--resolution", defaultValue = "720p", description = "360p, 720p or 1080p (default ${DEFAULT-VALUE})")
    String resolution;

    @Override
    public Integer call() throws Exception {
        Resolution res = Resolution.parse(resolution);
        if (cameras < 1 || concurrency < 1) throw new IllegalArgumentException("--cameras and --concurrency must be >= 1");
        FfmpegLogging.quiet();
        System.out.printf(Locale.ROOT, "bench scan: %d cameras (%d points), %s, %d at once; encoding the clip if needed ...%n",
                cameras, (cameras + 1) / 2, res.label(), concurrency);
        Path dir = Files.createTempDirectory("xuncha-bench-scan");
        ScanSettings settings = ScanSettings.DEFAULT.withConcurrency(concurrency);
        List<Map<String, Object>> nights = new ArrayList<>();
        try (LocalRtspServer server = LocalRtspServer.builder().mounts(cameras, ClipSpec.of("street_quiet", res, 60)).start()) {
            XunchaConfig cfg = config(server, dir);
            try (ScanSession s = new ScanSession(cfg, CasesConfig.DEFAULT, settings, Clock.systemUTC())) {
                for (String night : List.of("first night (no references)", "normal night (reference mode)")) {
                    List<Long> perCamera = Collections.synchronizedList(new ArrayList<>());
                    long cpu0 = ProcessStats.cpuNanos();
                    ScanSummary sum = s.stage.scanner().run("bench", ScanTarget.all(cfg), (r, done, total, failed) -> perCamera.add(r.took().toMillis()));
                    double cpu = (ProcessStats.cpuNanos() - cpu0) / 1e9;
                    Collections.sort(perCamera);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("night", night);
                    m.put("wallSeconds", sum.took().toMillis() / 1000.0);
                    m.put("cpuSeconds", Math.round(cpu * 10) / 10.0);
                    m.put("cameraMsP50", perCamera.get(perCamera.size() / 2));
                    m.put("cameraMsP95", perCamera.get((int) Math.min(perCamera.size() - 1, Math.round(perCamera.size() * 0.95))));
                    m.put("failed", sum.failed());
                    m.put("statuses", sum.statuses());
                    nights.add(m);
                }
            }
        }
        System.out.printf("%-32s %9s %9s %11s %11s %7s%n", "night", "wall s", "CPU s", "camera p50", "camera p95", "failed");
        for (Map<String, Object> m : nights) {
            System.out.printf(Locale.ROOT, "%-32s %9.1f %9.1f %9d ms %9d ms %7d%n", m.get("night"), m.get("wallSeconds"), m.get("cpuSeconds"),
                    m.get("cameraMsP50"), m.get("cameraMsP95"), m.get("failed"));
        }
        System.out.printf("goal: a full scan of %d cameras <= 120 s; RSS %d MB; %d cores%n", cameras, ProcessStats.rssBytes() >> 20,
                Runtime.getRuntime().availableProcessors());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "scan");
        json.put("cameras", cameras);
        json.put("concurrency", concurrency);
        json.put("resolution", res.label());
        json.put("nights", nights);
        json.put("rssMb", ProcessStats.rssBytes() >> 20);
        System.out.println(new ObjectMapper().writeValueAsString(json));
        return 0;
    }

    private static XunchaConfig config(LocalRtspServer server, Path dir) {
        List<PointConfig> points = new ArrayList<>();
        List<String> mounts = server.mounts();
        for (int i = 0; i < mounts.size(); i += 2) {
            String pid = String.format("B%03d", i / 2 + 1);
            List<CameraConfig> cams = new ArrayList<>();
            for (int k = i; k < Math.min(i + 2, mounts.size()); k++) {
                cams.add(new CameraConfig(pid + "-" + (k - i + 1), "bench", server.url(mounts.get(k)), Duration.ofSeconds(5), List.of()));
            }
            points.add(new PointConfig(pid, "bench " + pid, "street", "单位" + (i / 2 % 8 + 1), null, null, cams));
        }
        IngestConfig ingest = new IngestConfig(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(30), true);
        return new XunchaConfig(ServerConfig.DEFAULT, StorageConfig.embedded(dir.toString()), ingest, points);
    }
}
