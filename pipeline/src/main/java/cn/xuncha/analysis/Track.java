package cn.xuncha.analysis;

import java.time.Instant;

/** Mutable state of one static object in one camera view; owned by the {@link Tracker} of that view. */
final class Track {
    final long id;
    final Instant firstSeen;
    Box box;
    int seen = 1;
    int misses;
    int samples = 1;
    int sinceScore = Integer.MAX_VALUE / 2;
    double score = -1;
    boolean opened;
    Category category;
    Box reportedBox;
    double reportedScore;
    Instant lastReportAt;
    boolean matchedNow = true;

    Track(long id, Box box, Instant at) {
        this.id = id;
        this.box = box;
        this.firstSeen = at;
    }

    /** Fraction of samples since it appeared in which the object was seen: the confidence of zone findings. */
    double presence() {
        return samples == 0 ? 0 : Math.min(1.0, seen / (double) samples);
    }
}
