package cn.xuncha.ingest;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one camera connected for as long as it runs: open, pull samples, and on any fault record the state,
 * wait with backoff and reconnect. Runs on its own (Vert.x worker) thread; faults never escape it.
 */
public final class CameraSupervisor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(CameraSupervisor.class);

    /** Where a supervisor reports; called on the grab thread, must not block for long. */
    public interface Listener {
        void onHealth(CameraHealth health);

        void onSample(FrameSample sample);
    }

    private final SourceSettings settings;
    private final String maskedUrl;
    private final Backoff backoff;
    private final Function<SourceSettings, FrameSource> sources;
    private final Listener listener;
    private final HealthTracker health;
    private final Object sleeper = new Object();
    private volatile boolean stopped;
    private volatile FrameSource current;

    public CameraSupervisor(SourceSettings settings, String maskedUrl, Backoff backoff,
            Function<SourceSettings, FrameSource> sources, Listener listener, Clock clock) {
        this.settings = settings;
        this.maskedUrl = maskedUrl;
        this.backoff = backoff;
        this.sources = sources;
        this.listener = listener;
        this.health = new HealthTracker(settings.cameraId(), settings.pointId(), maskedUrl, clock);
    }

    @Override
    public void run() {
        Thread.currentThread().setName("ingest-" + settings.cameraId());
        listener.onHealth(health.snapshot());
        while (!stopped) {
            if (health.connecting()) report(null);
            pullUntilFailure();
            if (!stopped) pause(backoff.next());
        }
    }

    private void pullUntilFailure() {
        try (FrameSource source = sources.apply(settings)) {
            current = source;
            if (stopped) return;
            source.open();
            while (!stopped) {
                FrameSample sample = source.next();
                boolean changed = health.frame(source.bytesRead());
                backoff.reset();
                if (changed) report(null);
                listener.onSample(sample);
            }
        } catch (SourceException e) {
            if (!stopped && health.failed(e.kind(), e.getMessage())) report(e.getMessage());
        } catch (Exception | LinkageError e) {
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!stopped && health.failed(SourceException.Kind.OTHER, msg)) report(msg);
        } finally {
            current = null;
        }
    }

    private void report(String error) {
        CameraHealth h = health.snapshot();
        if (error == null) LOG.info("camera {} ({}) is {}", settings.cameraId(), maskedUrl, h.state());
        else LOG.warn("camera {} ({}) is {}: {}", settings.cameraId(), maskedUrl, h.state(), error);
        listener.onHealth(h);
    }

    private void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        synchronized (sleeper) {
            while (!stopped) {
                long left = until - System.nanoTime();
                if (left <= 0) return;
                try {
                    sleeper.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Current health, with the live connection's byte count. */
    public CameraHealth health() {
        FrameSource s = current;
        if (s != null) health.bytes(s.bytesRead());
        return health.snapshot();
    }

    public String cameraId() {
        return settings.cameraId();
    }

    /** Stops the loop: aborts a blocked read or connect and wakes a backoff sleep. Safe from any thread. */
    public void stop() {
        stopped = true;
        FrameSource s = current;
        if (s != null) s.abort();
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
    }
}
