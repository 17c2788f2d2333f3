package cn.xuncha.ingest.rtsp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReceivePacerTest {
    private final ReceivePacer pacer = new ReceivePacer(ReceivePacer.PAUSE);

    @Test
    void drainingBufferedDataDoesNotPause() {
        assertEquals(0, pacer.pauseAfter(Duration.ofMillis(1).toNanos() - 1));
    }

    @Test
    void aReadThatWaitedForTheNetworkPausesForOneBatch() {
        assertEquals(Duration.ofMillis(250).toNanos(), pacer.pauseAfter(Duration.ofMillis(40).toNanos()));
    }
}
