package cn.xuncha.cli.bench;

import cn.xuncha.XunchaNode;
import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.review.Role;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xuncha bench web}: the review queue page ({@code GET /api/cases}) at a fixed request rate against a node with
 * N cases in a temp H2 database, through the real login, session and scope guards. Goal: p99 &lt; 50 ms at 200 req/s
 * with 10,000 cases.
 */
@Command(name = "web", description = "Queue page latency at a fixed rate with N cases in the DB (open-loop load on loopback).")
public final class BenchWebCommand implements Callable<Integer> {
    private static final String PASSWORD = "bench-password-1";
    @Option(names = "--cases", defaultValue = "10000", description = "cases in the database (default ${DEFAULT-VALUE})")
    int cases;
    @Option(names = "--rate", defaultValue = "200", description = "requests per second (default ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default ${DEFAULT-VALUE})")
    int seconds;
    @Option(names = "--warmup", defaultValue = "10", description = "warm-up seconds at the same rate, not counted (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--query", defaultValue = "state=PENDING&sort=newest&limit=50", description = "queue page query (default ${DEFAULT-VALUE})")
    String query;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("xuncha-bench-web");
        XunchaConfig cfg = config(dir);
        long t0 = System.nanoTime();
        seed(cfg);
        System.out.printf(Locale.ROOT, "bench web: seeded %,d cases in %.1f s; starting a node ...%n", cases, (System.nanoTime() - t0) / 1e9);
        try (XunchaNode node = XunchaNode.start(cfg)) {
            node.review().users().add("bench", Role.REVIEWER, null, PASSWORD.toCharArray());
            String base = "http://127.0.0.1:" + node.httpPort();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/api/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"password\":\"" + PASSWORD + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (login.statusCode() != 200) throw new IllegalStateException("login failed: " + login.body());
            String cookie = login.headers().firstValue("set-cookie").orElseThrow().split(";", 2)[0];
            HttpRequest page = OpenLoopLoad.get(URI.create(base + "/api/cases?" + query), cookie);
            HttpResponse<String> probe = client.send(page, HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200) throw new IllegalStateException("queue page failed: " + probe.statusCode() + " " + probe.body());
            int total = new io.vertx.core.json.JsonObject(probe.body()).getInteger("total");
            OpenLoopLoad load = new OpenLoopLoad(client, page);
            System.out.printf(Locale.ROOT, "warming up %d s at %.0f req/s (page: %,d matching cases, %d bytes) ...%n", warmup, rate, total,
                    probe.body().length());
            if (warmup > 0) load.run(rate, Duration.ofSeconds(warmup));
            long cpu0 = ProcessStats.cpuNanos();
            OpenLoopLoad.Result r = load.run(rate, Duration.ofSeconds(seconds));
            double cpuPct = 100.0 * (ProcessStats.cpuNanos() - cpu0) / r.elapsedNanos();
            print(r, total, cpuPct);
            return 0;
        } finally {
            deleteTree(dir);
        }
    }

    private void print(OpenLoopLoad.Result r, int matching, double cpuPct) {
        double p50 = ms(r.percentile(50)), p90 = ms(r.percentile(90)), p99 = ms(r.percentile(99)), p999 = ms(r.percentile(99.9));
        double max = ms(r.latenciesNanos().length == 0 ? 0 : r.latenciesNanos()[r.latenciesNanos().length - 1]);
        System.out.printf(Locale.ROOT, "%n%-8s %-7s %-9s %-8s %-7s %-8s %-8s %-8s %-8s %-8s %-6s %s%n", "cases", "rate/s", "achieved", "requests",
                "errors", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "CPU %", "goal p99<50ms");
        System.out.printf(Locale.ROOT, "%-8d %-7.0f %-9.1f %-8d %-7d %-8.2f %-8.2f %-8.2f %-8.2f %-8.2f %-6.0f %s%n", cases, rate, r.achievedRate(),
                r.latenciesNanos().length, r.errors(), p50, p90, p99, p999, max, cpuPct, p99 < 50 && r.errors() == 0 ? "PASS" : "FAIL");
        System.out.printf(Locale.ROOT, "{\"bench\":\"web\",\"cases\":%d,\"matching\":%d,\"query\":\"%s\",\"rate\":%.0f,\"achievedRate\":%.1f,"
                        + "\"requests\":%d,\"errors\":%d,\"p50Ms\":%.2f,\"p90Ms\":%.2f,\"p99Ms\":%.2f,\"p999Ms\":%.2f,\"maxMs\":%.2f,\"cpuPct\":%.0f,"
                        + "\"pass\":%b}%n", cases, matching, query, rate, r.achievedRate(), r.latenciesNanos().length, r.errors(), p50, p90, p99, p999,
                max, cpuPct, p99 < 50 && r.errors() == 0);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static XunchaConfig config(Path dir) {
        // 83 points like the district, 8 units, no cameras: the bench measures the web path, not ingest
        List<PointConfig> points = new ArrayList<>();
        for (int i = 1; i <= 83; i++) points.add(new PointConfig("P" + i, "点位" + i, "背街小巷", "单位" + (i % 8 + 1), null, null, List.of()));
        return new XunchaConfig(new ServerConfig("127.0.0.1", 0), StorageConfig.embedded(dir.toString()), IngestConfig.DEFAULT, points);
    }

    /** Inserts the cases straight through the cases store (one transaction), spread over 30 days, states and points. */
    private void seed(XunchaConfig cfg) throws Exception {
        Random rnd = new Random(42);
        CaseState[] states = {CaseState.PENDING, CaseState.PENDING, CaseState.PENDING, CaseState.CONFIRMED, CaseState.DISPATCHED,
                CaseState.RECTIFIED, CaseState.CLOSED, CaseState.DISMISSED};
        Category[] cats = Category.values();
        Instant now = Instant.now();
        CaseStore store = new CaseStore();
        try (Database db = Database.open(cfg.storage()); Connection c = db.connection()) {
            c.setAutoCommit(false);
            for (int i = 0; i < cases; i++) {
                PointConfig p = cfg.points().get(rnd.nextInt(cfg.points().size()));
                CaseState s = states[rnd.nextInt(states.length)];
                Instant first = now.minusSeconds(rnd.nextInt(30 * 86400));
                Category cat = cats[rnd.nextInt(cats.length)];
                store.insert(c, new CaseRecord(0, p.id() + "-cam", p.id(), cat, cat, s, p.unit(), i, new Box(rnd.nextInt(1800), rnd.nextInt(1000), 80, 60),
                        0.5 + rnd.nextDouble() / 2, 1 + rnd.nextInt(20), first, first.plusSeconds(rnd.nextInt(3600)), null,
                        s == CaseState.DISPATCHED ? now.plusSeconds(86400) : null, false, null, null,
                        s == CaseState.CLOSED || s == CaseState.DISMISSED ? first.plusSeconds(7200) : null, first));
            }
            c.commit();
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
