package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void growsExponentiallyWithJitterUpToTheBoundAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), new Random(1));
        long[] expectedStep = {100, 200, 400, 800, 1600, 2000, 2000};
        for (long step : expectedStep) {
            long d = b.next().toMillis();
            assertTrue(d >= step / 2 && d <= step, "delay " + d + " within [" + step / 2 + ", " + step + "]");
        }
        b.reset();
        assertTrue(b.next().toMillis() <= 100);
        assertEquals(Duration.ofSeconds(2), b.bound());
    }

    @Test
    void jitterSpreadsCamerasThatFailedTogether() {
        long a = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(1)).next().toMillis();
        long c = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new Random(2)).next().toMillis();
        assertNotEquals(a, c);
    }
}
