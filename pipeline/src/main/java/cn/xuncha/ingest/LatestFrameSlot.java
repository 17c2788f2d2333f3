package cn.xuncha.ingest;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Latest-frame-wins hand-off between one camera's grab thread and analysis: at most one sample waits;
 * a newer sample replaces (and frees) an unconsumed older one, so a slow analyser never builds a queue.
 */
public final class LatestFrameSlot {
    private final AtomicReference<FrameSample> slot = new AtomicReference<>();
    private volatile long dropped;

    /** Puts a sample; returns true if it replaced one that was never taken. */
    public boolean offer(FrameSample sample) {
        FrameSample old = slot.getAndSet(sample);
        if (old != null) {
            old.close();
            dropped++;
            return true;
        }
        return false;
    }

    /** Takes the waiting sample, or null. The caller owns (and must close) it. */
    public FrameSample take() {
        return slot.getAndSet(null);
    }

    public boolean hasSample() {
        return slot.get() != null;
    }

    public long dropped() {
        return dropped;
    }

    /** Frees a waiting sample (on shutdown). */
    public void clear() {
        FrameSample s = take();
        if (s != null) s.close();
    }
}
