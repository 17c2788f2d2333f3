package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.ingest.SourceException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** Supervision on a scripted fake source: states, backoff retries, stall, recovery and a prompt stop. */
class CameraSupervisorTest {
    private static final SourceSettings S = new SourceSettings("cam", "p", "rtsp://h/x", Duration.ofMillis(10),
            Duration.ofSeconds(1), Duration.ofSeconds(1), true, 1280);

    /** Connection n (0-based) behaves per script: fail with a kind, or deliver k frames then stall. */
    private static final class ScriptedSource implements FrameSource {
        final int n;
        final Kind openFailure;
        int delivered;
        volatile boolean aborted;

        ScriptedSource(int n, Kind openFailure) {
            this.n = n;
            this.openFailure = openFailure;
        }

        @Override
        public void open() throws SourceException {
            if (openFailure != null) throw new SourceException(openFailure, "scripted " + openFailure);
        }

        @Override
        public FrameSample next() throws SourceException {
            if (delivered++ < 3) return new FrameSample("cam", "p", Instant.now(), new Mat(2, 2, 16));
            while (!aborted) Thread.onSpinWait(); // a hung read that only abort ends
            throw new SourceException(Kind.OTHER, "aborted");
        }

        @Override
        public long bytesRead() {
            return delivered * 100L;
        }

        @Override
        public void abort() {
            aborted = true;
        }

        @Override
        public void close() {}
    }

    @Test
    void offlineRetriesThenOnlineAndStopUnblocksAHungRead() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        List<HealthState> states = new CopyOnWriteArrayList<>();
        List<FrameSample> samples = new CopyOnWriteArrayList<>();
        CameraSupervisor sup = new CameraSupervisor(S, "rtsp://h/x", new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), new Random(0)),
                s -> {
                    int n = connections.getAndIncrement();
                    return new ScriptedSource(n, n < 3 ? Kind.REFUSED : null);
                },
                new CameraSupervisor.Listener() {
                    @Override
                    public void onHealth(CameraHealth h) {
                        states.add(h.state());
                    }

                    @Override
                    public void onSample(FrameSample sample) {
                        samples.add(sample);
                    }
                }, Clock.systemUTC());
        Thread t = new Thread(sup);
        t.start();
        long deadline = System.currentTimeMillis() + 30_000; // a wait bound, not a timing target (first Mat loads natives)
        while (samples.size() < 3 && System.currentTimeMillis() < deadline) Thread.sleep(5);
        assertEquals(3, samples.size());
        CameraHealth h = sup.health();
        assertEquals(HealthState.ONLINE, h.state());
        assertEquals(3, h.reconnects(), "three refused attempts, then the fourth connected");
        assertEquals(List.of(HealthState.CONNECTING, HealthState.OFFLINE, HealthState.ONLINE), states,
                "retries of a failing camera do not flap the state");
        sup.stop();
        t.join(2000);
        assertFalse(t.isAlive(), "stop() ends a hung read");
        samples.forEach(FrameSample::close);
    }

    @Test
    void stallIsStalledAndTimeoutsWhileStalledStayStalled() {
        HealthTracker h = new HealthTracker("c", "p", "u", Clock.systemUTC());
        h.connecting();
        h.frame(10);
        assertTrue(h.failed(Kind.STALLED, "no data"));
        assertEquals(HealthState.STALLED, h.state());
        h.connecting();
        assertFalse(h.failed(Kind.TIMEOUT, "no answer"));
        assertEquals(HealthState.STALLED, h.state());
        h.connecting();
        assertTrue(h.frame(5));
        assertEquals(HealthState.ONLINE, h.state());
        assertEquals(15, h.snapshot().bytesRead(), "bytes add up across connections");
    }
}
