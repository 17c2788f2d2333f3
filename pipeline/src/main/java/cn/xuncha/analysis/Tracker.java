package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Associates candidate boxes across samples into {@link Track}s with ids that stay stable while the object
 * stays. Track ids start from the sample's epoch milliseconds so they stay unique per camera across restarts.
 */
final class Tracker {
    private static final double MATCH_IOU = 0.3;
    /** moving pixels covering this much of a track's box mean it is occluded, not gone */
    private static final double OCCLUDED = 0.3;
    private final List<Track> tracks = new ArrayList<>();
    private long lastId;

    List<Track> tracks() {
        return tracks;
    }

    void clear() {
        tracks.clear();
    }

    /** Matches candidates to tracks (best overlap first), creates tracks for the rest, counts misses. */
    void update(List<Box> candidates, Instant at, Mat moving) {
        List<Box> free = new ArrayList<>(candidates);
        tracks.forEach(t -> t.matchedNow = false);
        record Pair(Track t, Box b, double overlap) {}
        List<Pair> pairs = new ArrayList<>();
        for (Track t : tracks) for (Box b : free) {
            double o = overlap(t.box, b);
            if (o >= MATCH_IOU) pairs.add(new Pair(t, b, o));
        }
        pairs.sort(Comparator.comparingDouble(Pair::overlap).reversed());
        java.util.Set<Box> used = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Pair p : pairs) {
            if (p.t.matchedNow || used.contains(p.b)) continue;
            p.t.matchedNow = true;
            p.t.box = p.b;
            p.t.seen++;
            p.t.misses = 0;
            used.add(p.b);
        }
        free.removeIf(used::contains);
        for (Track t : tracks) {
            if (t.matchedNow) continue;
            t.samples++;
            if (!occluded(t.box, moving)) t.misses++;
        }
        for (Track t : tracks) if (t.matchedNow) t.samples++;
        for (Box b : free) tracks.add(new Track(nextId(at), b, at));
    }

    /** Removes and returns tracks absent for too long: opened ones after {@code closeAfter}, others after 2 misses. */
    List<Track> expire(int closeAfter) {
        List<Track> gone = new ArrayList<>();
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track t = it.next();
            if (t.misses >= (t.opened ? closeAfter : 2)) {
                gone.add(t);
                it.remove();
            }
        }
        return gone;
    }

    void remove(Track t) {
        tracks.remove(t);
    }

    /** IoU, or 1 when one box's centre lies in the other (a growing or shrinking blob is the same object). */
    static double overlap(Box a, Box b) {
        double iou = a.iou(b);
        if (iou >= MATCH_IOU) return iou;
        boolean aInB = inside(a.x() + a.w() / 2.0, a.y() + a.h() / 2.0, b);
        boolean bInA = inside(b.x() + b.w() / 2.0, b.y() + b.h() / 2.0, a);
        return aInB && bInA ? MATCH_IOU : iou;
    }

    private static boolean inside(double x, double y, Box b) {
        return x >= b.x() && x < b.x() + b.w() && y >= b.y() && y < b.y() + b.h();
    }

    private static boolean occluded(Box b, Mat moving) {
        if (b.w() == 0 || b.h() == 0) return false;
        try (Mat roi = new Mat(moving, new Rect(b.x(), b.y(), b.w(), b.h()))) {
            return countNonZero(roi) >= OCCLUDED * b.area();
        }
    }

    private long nextId(Instant at) {
        lastId = Math.max(lastId + 1, at.toEpochMilli());
        return lastId;
    }
}
