package cn.xuncha.ingest;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect backoff with "equal jitter": half the step is fixed, half random, so 166 cameras that
 * failed together (a switch reboot) do not reconnect in lockstep. Not thread-safe; one per camera.
 */
public final class Backoff {
    private final long minMs;
    private final long maxMs;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration min, Duration max, RandomGenerator random) {
        this.minMs = Math.max(1, min.toMillis());
        this.maxMs = Math.max(minMs, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; grows until {@code max}. */
    public Duration next() {
        long step = Math.min(maxMs, minMs << Math.min(attempt, 30));
        attempt++;
        long half = step / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }

    /** Called after a successful frame: the next failure starts from {@code min} again. */
    public void reset() {
        attempt = 0;
    }

    /** The longest delay this backoff can produce. */
    public Duration bound() {
        return Duration.ofMillis(maxMs);
    }
}
