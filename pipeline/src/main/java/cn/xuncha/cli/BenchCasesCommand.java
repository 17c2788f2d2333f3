package cn.xuncha.cli;

import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.LocalPostgres;
import cn.xuncha.cli.bench.ProcessStats;
import cn.xuncha.config.StorageConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * @param cpuUsPerFinding CPU of the whole process per finding in the flat-out phase (robust to a busy machine)
     * @param writerUsPerFinding CPU of the case writer thread per finding in the flat-out phase
     */
    record Result(String backend, double maxRate, double pacedRate, double p50Ms, double p99Ms, double maxMs, long cases,
                  double cpuUsPerFinding, double writerUsPerFinding, double loadAverage) {}

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
        System.out.printf("%n%-11s %10s %11s %8s %8s %8s %6s %9s %9s %6s%n", "backend", "max det/s", "paced det/s", "p50 ms", "p99 ms",
                "max ms", "cases", "cpu us/f", "wrt us/f", "load");
        for (Result r : results) {
            System.out.printf("%-11s %10.0f %11.0f %8.2f %8.2f %8.2f %6d %9.1f %9.1f %6.1f%n", r.backend, r.maxRate, r.pacedRate, r.p50Ms,
                    r.p99Ms, r.maxMs, r.cases, r.cpuUsPerFinding, r.writerUsPerFinding, r.loadAverage);
        }
        System.out.printf("(%d cores; load = 1-minute load average during the run: other work on the machine skews the rates, "
                + "less so the CPU per finding)%n", Runtime.getRuntime().availableProcessors());
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
            CaseBenchWorkload w = new CaseBenchWorkload(cameras, objects);
            for (int i = 0; i < 2000; i++) service.ingest(w.next()).get(); // warm-up: JIT, pool, first cases
            long writer = writerThreadId();
            long cpu0 = ProcessStats.cpuNanos();
            long wcpu0 = ManagementFactory.getThreadMXBean().getThreadCpuTime(writer);
            long t0 = System.nanoTime();
            Semaphore inFlight = new Semaphore(4096);
            List<CompletableFuture<?>> all = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                inFlight.acquire();
                all.add(service.ingest(w.next()).whenComplete((r, e) -> inFlight.release()));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get();
            double maxRate = count / ((System.nanoTime() - t0) / 1e9);
            double cpuPer = (ProcessStats.cpuNanos() - cpu0) / 1e3 / count;
            double writerPer = (ManagementFactory.getThreadMXBean().getThreadCpuTime(writer) - wcpu0) / 1e3 / count;
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
                    latency[n - 1] / 1e6, cases, Math.round(cpuPer * 10) / 10.0, Math.round(writerPer * 10) / 10.0,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("xuncha-case-writer")).mapToLong(Thread::getId)
                .findFirst().orElseThrow(() -> new IllegalStateException("case writer thread not found"));
    }
}
