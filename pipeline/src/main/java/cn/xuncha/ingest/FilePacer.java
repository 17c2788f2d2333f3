package cn.xuncha.ingest;

import java.util.function.BooleanSupplier;

/**
 * Plays a file at real-time pace and loops it: maps each packet's presentation time (seconds) onto the wall clock,
 * continuing the timeline across loops, and sleeps until the packet is due. Sleeps wake early on abort.
 */
final class FilePacer {
    private long originNanos = -1;
    private double loopOffset;
    private double lastTime;

    /** Blocks until the packet at {@code pts} seconds (within the current loop) is due; returns its timeline time. */
    double await(double pts, BooleanSupplier aborted) throws InterruptedException {
        double t = loopOffset + pts;
        lastTime = Math.max(lastTime, t);
        if (originNanos < 0) originNanos = System.nanoTime() - (long) (t * 1e9);
        long due = originNanos + (long) (t * 1e9);
        while (!aborted.getAsBoolean()) {
            long wait = due - System.nanoTime();
            if (wait <= 0) break;
            Thread.sleep(Math.min(200, Math.max(1, wait / 1_000_000)));
        }
        return t;
    }

    /** Called when the file ended and was rewound: the next loop continues after the last packet. */
    void looped(double frameDuration) {
        loopOffset = lastTime + frameDuration;
    }
}
