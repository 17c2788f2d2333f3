package cn.xuncha.ingest.rtsp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/**
 * The socket side of the receive buffer. Once a read had to wait for the network the reader is caught up, so the
 * next read is preceded by a pause ({@link ReadPause}) while a batch gathers in the kernel's socket buffer: a camera then
 * costs a few system calls per second instead of one wake-up per RTP packet. Pausing starts only with streaming.
 */
final class PacedInput extends FilterInputStream {
    private final ReceivePacer pacer = new ReceivePacer(ReceivePacer.PAUSE);
    private final ReadPause pause;
    private final LongConsumer counted;
    private volatile boolean pacing;
    private boolean caughtUp;

    PacedInput(InputStream in, ReadPause pause, LongConsumer counted) {
        super(in);
        this.pause = pause;
        this.counted = counted;
    }

    void pacing(boolean on) {
        pacing = on;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (caughtUp && pacing) pause.sleep();
        long start = System.nanoTime();
        int n = super.read(b, off, len);
        caughtUp = pacer.pauseAfter(System.nanoTime() - start) > 0;
        if (n > 0) counted.accept(n);
        return n;
    }
}
