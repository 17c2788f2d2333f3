package cn.xuncha.cli;

/** Picks frames on a fixed grid of video time: the first frame at or after each multiple of the interval. */
final class SampleClock {
    /** frame times are rounded by containers; half a millisecond early still counts as on time */
    private static final long TOLERANCE_US = 500;
    private final long stepUs;
    private long nextUs;

    SampleClock(long stepUs) {
        this.stepUs = Math.max(1, stepUs);
    }

    /** Whether the frame stamped {@code tsUs} (µs) is a sample; advances to the next grid point when it is. */
    boolean take(long tsUs) {
        long ts = Math.max(0, tsUs);
        if (ts + TOLERANCE_US < nextUs) return false;
        nextUs = ((ts + TOLERANCE_US) / stepUs + 1) * stepUs;
        return true;
    }
}
