package cn.xuncha.ingest.rtsp;

import java.time.Duration;

/**
 * Batches a live stream's reads (FFmpeg's demuxer and the built-in client's {@link PacedInput} alike). FFmpeg reads
 * RTSP-over-TCP unbuffered, a few bytes and one RTP packet per system call, and a reader that is always waiting wakes
 * for every packet (~270 wake-ups a second per 1080p camera). Once a
 * read had to wait for data the reader is caught up, so it pauses and lets the next batch gather in the socket
 * buffer; the following reads then find their data without blocking. Measured on one 1080p camera: receive CPU
 * 16 ms/s unpaused, 3.9 ms/s with 100 ms pauses, 2.3 ms/s with 250 ms (docs/benchmarks.md).
 */
public final class ReceivePacer {
    /** A read that took this long waited for the network rather than copying buffered data. */
    static final long WAITED_NANOS = Duration.ofMillis(2).toNanos();
    /** 250 ms of a 4 Mbit/s stream is 125 KB: within the kernel's socket buffer. */
    public static final Duration PAUSE = Duration.ofMillis(250);

    private final long pauseNanos;

    public ReceivePacer(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    /** How long to pause after a read that took readNanos of wall time: 0 while draining a backlog. */
    public long pauseAfter(long readNanos) {
        return readNanos >= WAITED_NANOS ? pauseNanos : 0;
    }
}
