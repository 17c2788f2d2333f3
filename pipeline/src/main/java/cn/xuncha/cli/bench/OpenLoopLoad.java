package cn.xuncha.cli.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP load generator: request i is due at {@code start + i/rate} whatever happened to earlier ones, and
 * its latency is measured from that intended send time — so a stalled server shows up in the tail instead of
 * silently lowering the offered rate (coordinated omission).
 */
public final class OpenLoopLoad {
    private final HttpClient client;
    private final HttpRequest request;

    public OpenLoopLoad(HttpClient client, HttpRequest request) {
        this.client = client;
        this.request = request;
    }

    /** Latencies in nanoseconds of every request (failed ones too) plus the error count, sorted ascending. */
    public record Result(long[] latenciesNanos, int errors, long elapsedNanos) {
        public long percentile(double p) {
            if (latenciesNanos.length == 0) return 0;
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(latenciesNanos.length - 1, i))];
        }

        public double achievedRate() {
            return latenciesNanos.length / (elapsedNanos / 1e9);
        }
    }

    public Result run(double ratePerSecond, Duration duration) throws InterruptedException {
        int n = (int) Math.round(ratePerSecond * duration.toNanos() / 1e9);
        long period = (long) (1e9 / ratePerSecond);
        long[] lat = new long[n];
        AtomicInteger errors = new AtomicInteger();
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        long start = System.nanoTime() + 10_000_000L;
        for (int i = 0; i < n; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            final int k = i;
            all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
                lat[k] = System.nanoTime() - due;
                if (e != null || r.statusCode() != 200) errors.incrementAndGet();
                return null;
            });
        }
        CompletableFuture.allOf(all).orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> null).join();
        long elapsed = System.nanoTime() - start;
        Arrays.sort(lat);
        return new Result(lat, errors.get(), elapsed);
    }

    public static HttpRequest get(URI uri, String cookie) {
        return HttpRequest.newBuilder(uri).header("Cookie", cookie).header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
    }
}
