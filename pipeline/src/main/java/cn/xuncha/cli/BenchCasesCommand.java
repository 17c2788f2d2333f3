package cn.xuncha.cli;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.analysis.FindingEvent;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.LocalPostgres;
import cn.xuncha.config.StorageConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xuncha bench cases}: findings → cases on H2 and on a throwaway PostgreSQL: maximum sustained rate, then
 * latency (submit → committed) at a fixed offered rate, measured from the scheduled send time (no coordinated omission).
 */
@Command(name = "cases", description = "Findings → cases: sustained rate and p99 latency on H2 and PostgreSQL.")
public final class BenchCasesCommand implements Callable<Integer> {
    @Option(names = "--cameras", defaultValue = "166", description = "cameras (default ${DEFAULT-VALUE}: 83 points x 2)")
    int cameras;

    @Option(names = "--objects", defaultValue = "4", description = "tracked objects per camera (default ${DEFAULT-VALUE})")
    int objects;

    @Option(names = "--count", defaultValue = "20000", description = "findings in the max-rate phase (default ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--rate", defaultValue = "2000", description = "offered findings/s in the latency phase (default ${DEFAULT-VALUE})")
    int rate;

    @Option(names = "--seconds", defaultValue = "10", description = "length of the latency phase (default ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--backend", defaultValue = "both", description = "h2, postgresql or both (default ${DEFAULT-VALUE})")
    String backend;

    record Result(String backend, double maxRate, double pacedRate, double p50Ms, double p99Ms, double maxMs, long cases) {}

    @Override
    public Integer call() throws Exception {
        System.out.printf("bench cases: %d cameras x %d objects, %d findings flat out, then %d/s for %d s%n", cameras, objects, count, rate, seconds);
        List<Result> results = new ArrayList<>();
        if (!backend.equals("postgresql")) results.add(run("h2", null));
        if (!backend.equals("h2")) {
            if (!LocalPostgres.available()) System.out.println("postgresql: skipped (server binaries not installed: apt-get install postgresql)");
            else try (LocalPostgres pg = LocalPostgres.start()) {
                results.add(run("postgresql", pg));
            }
        }
        System.out.printf("%n%-11s %12s %12s %9s %9s %9s %8s%n", "backend", "max det/s", "paced det/s", "p50 ms", "p99 ms", "max ms", "cases");
        for (Result r : results) {
            System.out.printf("%-11s %12.0f %12.0f %9.2f %9.2f %9.2f %8d%n", r.backend, r.maxRate, r.pacedRate, r.p50Ms, r.p99Ms, r.maxMs, r.cases);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("bench", "cases");
        json.put("goal", Map.of("detectionsPerSecond", 2000, "p99Ms", 50));
        for (Result r : results) json.put(r.backend, r);
        System.out.println(cn.xuncha.cases.service.CaseJson.mapper().writeValueAsString(json));
        return 0;
    }

    private Result run(String name, LocalPostgres pg) throws Exception {
        Path dir = Files.createTempDirectory("xuncha-bench-cases-");
        StorageConfig storage = pg == null ? StorageConfig.embedded(dir.toString()) : pg.storage(dir.toString());
        try (Database db = Database.open(storage);
             CaseService service = new CaseService(db, dir, CasesConfig.DEFAULT, p -> "unit-" + p, Clock.systemUTC(), c -> { })) {
            Workload w = new Workload(cameras, objects);
            for (int i = 0; i < 2000; i++) service.ingest(w.next()).get(); // warm-up: JIT, pool, first cases
            long t0 = System.nanoTime();
            Semaphore inFlight = new Semaphore(4096);
            List<CompletableFuture<?>> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                all.add(service.ingest(w.next()).whenComplete((r, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            double maxRate = count / ((System.nanoTime() - t0) / 1e9);
            System.out.printf("%s: flat out %.0f findings/s%n", name, maxRate);

            int n = rate * seconds;
            long[] latency = new long[n];
            List<CompletableFuture<?>> paced = new ArrayList<>(n);
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < n; i++) {
                long due = start + (long) (i * 1e9 / rate);
                while (System.nanoTime() < due) LockSupport.parkNanos(Math.max(1, due - System.nanoTime() - 50_000));
                final int k = i;
                paced.add(service.ingest(w.next()).whenComplete((r, e) -> latency[k] = System.nanoTime() - due));
            }
            CompletableFuture.allOf(paced.toArray(CompletableFuture[]::new)).get();
            double pacedRate = n / ((System.nanoTime() - start) / 1e9);
            Arrays.sort(latency);
            long cases = service.list(cn.xuncha.cases.CaseQuery.all()).total();
            return new Result(name, Math.round(maxRate), Math.round(pacedRate), latency[n / 2] / 1e6, latency[(int) (n * 0.99)] / 1e6,
                    latency[n - 1] / 1e6, cases);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Mostly repeat sightings of objects in view, some new objects and clearances, like a district at patrol time. */
    static final class Workload {
        private final int cameras;
        private final int objects;
        private final Random rnd = new Random(7);
        private final long[] track;
        private final List<Evidence> evidence = new ArrayList<>();
        private Instant now = Instant.parse("2025-05-01T08:00:00Z");

        Workload(int cameras, int objects) {
            this.cameras = cameras;
            this.objects = objects;
            this.track = new long[cameras * objects];
            for (int i = 0; i < 16; i++) {
                evidence.add(new Evidence(jpeg(i, 320, 240), jpeg(i + 100, 64, 48), null));
            }
        }

        Finding next() {
            now = now.plusMillis(2);
            int slot = rnd.nextInt(track.length);
            int cam = slot / objects;
            int obj = slot % objects;
            FindingEvent ev;
            if (track[slot] == 0) {
                track[slot] = 1 + rnd.nextInt(1_000_000);
                ev = FindingEvent.OPENED;
            } else if (rnd.nextInt(200) == 0) {
                ev = FindingEvent.CLOSED;
            } else {
                ev = FindingEvent.UPDATED;
            }
            Box box = new Box(40 + obj * 300 + rnd.nextInt(4), 200 + rnd.nextInt(4), 120, 90);
            Finding f = new Finding("cam-" + cam, "P-" + cam / 2, track[slot], ev, Category.values()[obj % 3], rnd.nextDouble(), box, now,
                    evidence.get(rnd.nextInt(evidence.size())));
            if (ev == FindingEvent.CLOSED) track[slot] = 0;
            return f;
        }

        private static byte[] jpeg(int seed, int w, int h) {
            java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = img.createGraphics();
            Random r = new Random(seed);
            for (int i = 0; i < 10; i++) {
                g.setColor(new java.awt.Color(r.nextInt()));
                g.fillRect(r.nextInt(w), r.nextInt(h), 1 + r.nextInt(w / 2), 1 + r.nextInt(h / 2));
            }
            g.dispose();
            try {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(img, "jpg", out);
                return out.toByteArray();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
