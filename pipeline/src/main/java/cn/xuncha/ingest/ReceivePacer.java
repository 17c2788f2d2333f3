package cn.xuncha.ingest;

import java.time.Duration;

/**
 * Batches a live stream's reads. FFmpeg reads RTSP-over-TCP unbuffered, a few bytes and one RTP packet per system
 * call, and a reader that is always waiting wakes for every packet (~270 wake-ups a second per 1080p camera). Once a
 * read had to wait for data the reader is caught up, so it pauses and lets the next batch gather in the socket
 * buffer; the following reads then find their data without blocking. Measured on one 1080p camera: receive CPU
 * 16 ms/s unpaused, 3.9 ms/s with 100 ms pauses, 2.3 ms/s with 250 ms (docs/benchmarks.md).
 */
final class ReceivePacer {
    /** A read that took this long waited for the network rather than copying buffered data. */
    static final long WAITED_NANOS = Duration.ofMillis(2).toNanos();

    private final long pauseNanos;

    ReceivePacer(Duration pause) {
        this.pauseNanos = pause.toNanos();
    }

    /** How long to pause after a read that took readNanos of wall time: 0 while draining a backlog. */
    long pauseAfter(long readNanos) {
        return readNanos >= WAITED_NANOS ? pauseNanos : 0;
    }
}
