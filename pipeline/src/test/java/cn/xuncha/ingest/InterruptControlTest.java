package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The abort-aware pause between FFmpeg reads. */
class InterruptControlTest {
    @Test
    void abortWakesAPauseAtOnce() throws Exception {
        try (InterruptControl control = new InterruptControl()) {
            Thread aborter = new Thread(() -> {
                sleepQuietly(100);
                control.abort();
            });
            aborter.start();
            long t0 = System.nanoTime();
            control.pause(Duration.ofSeconds(30).toNanos());
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            aborter.join();
            assertTrue(waitedMs < 10_000, "pause ended by abort, not by its 30 s timeout: " + waitedMs + " ms");
            assertTrue(control.aborted());
        }
    }

    @Test
    void pauseWithoutAbortLastsItsTime() throws Exception {
        try (InterruptControl control = new InterruptControl()) {
            long t0 = System.nanoTime();
            control.pause(Duration.ofMillis(50).toNanos());
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(50).toNanos());
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
