package cn.xuncha.testbed;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;

/**
 * Reads an RTSP stream on its own thread and counts frames with a new timestamp (a client may re-deliver a stale
 * frame when a read times out; that must not count as the server sending).
 */
final class FrameCounter implements AutoCloseable {
    private final AtomicInteger frames = new AtomicInteger();
    private final Thread thread;
    private volatile Exception failure;

    private FrameCounter(String url) {
        thread = new Thread(() -> run(url), "frame-counter");
        thread.setDaemon(true);
        thread.start();
    }

    static FrameCounter start(String url) {
        return new FrameCounter(url);
    }

    private void run(String url) {
        try (FFmpegFrameGrabber g = RtspClients.blockingGrabber(url)) {
            g.start();
            long last = Long.MIN_VALUE;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (g.getTimestamp() > last) {
                    last = g.getTimestamp();
                    frames.incrementAndGet();
                }
            }
        } catch (Exception e) {
            failure = e;
        }
    }

    int newFrames() {
        return frames.get();
    }

    void awaitFrames(int n, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (frames.get() < n && System.nanoTime() < deadline) {
            if (failure != null) throw failure;
            Thread.sleep(50);
        }
        if (frames.get() < n) throw new AssertionError("only " + frames.get() + " frames within " + seconds + " s");
    }

    /** Waits for the reader to end (its server must have dropped the connection). */
    @Override
    public void close() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(15));
        if (thread.isAlive()) throw new AssertionError("frame reader still blocked 15 s after its server went away");
    }
}
