package cn.xuncha.ingest;

import java.time.Duration;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Deadline and abort flag for one FFmpeg input, read by FFmpeg's interrupt callback while it blocks in
 * open/read. This is what un-sticks {@code av_read_frame} when a server stops sending without closing the
 * socket (FFmpegFrameGrabber offers no hook for it, and its close() would block every other camera).
 */
final class InterruptControl implements AutoCloseable {
    /** Native block: [0] deadline in System.nanoTime() units (0 = none), [1] abort flag. */
    private final LongPointer block = new LongPointer(2);
    private boolean closed;

    InterruptControl() {
        block.put(0, 0L).put(1, 0L);
    }

    /** Installs the shared callback with this control as its opaque pointer; must precede avformat_open_input. */
    void installOn(AVFormatContext ctx) {
        AVIOInterruptCB cb = ctx.interrupt_callback();
        cb.callback(Callback.INSTANCE);
        cb.opaque(block);
    }

    void arm(Duration timeout) {
        block.put(0, System.nanoTime() + timeout.toNanos());
    }

    void disarm() {
        block.put(0, 0L);
    }

    /** Safe from any thread, also after close (then a no-op). */
    synchronized void abort() {
        if (!closed) block.put(1, 1L);
        notifyAll();
    }

    /** Waits up to nanos, returning early when aborted (a pause between reads must not delay a stop). */
    synchronized void pause(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !aborted(); left = end - System.nanoTime()) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized boolean aborted() {
        return closed || block.get(1) != 0;
    }

    boolean expired() {
        long deadline = block.get(0);
        return deadline != 0 && System.nanoTime() - deadline > 0;
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
        block.close();
    }

    /**
     * One stateless native thunk for all cameras: JavaCPP caps live callback instances per class (10 by default),
     * so per-camera state travels through the opaque pointer instead. Held for the JVM's life on purpose.
     */
    static final class Callback extends AVIOInterruptCB.Callback_Pointer {
        static final Callback INSTANCE = new Callback();

        @Override
        public int call(Pointer opaque) {
            if (opaque == null || opaque.isNull()) return 0;
            LongPointer p = new LongPointer(opaque);
            long deadline = p.get(0);
            boolean expired = deadline != 0 && System.nanoTime() - deadline > 0;
            return (p.get(1) != 0 || expired) ? 1 : 0;
        }
    }
}
