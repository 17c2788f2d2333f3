package cn.xuncha.cases;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import java.time.Instant;

/**
 * One problem at one place, as stored. Immutable: rules return changed copies.
 *
 * @param id 0 until stored
 * @param detectedCategory what the model said (dedup matches on it, even after a reviewer corrected {@code category})
 * @param overdue set once when the deadline passed before rectification; stays as history
 * @param reboundOf the closed case this one re-appeared after (反弹), or null
 * @param appearanceHash 64-bit difference hash of the crop, for suppressing a dismissed look-alike; null if no crop
 */
public record CaseRecord(
        long id,
        String cameraId,
        String pointId,
        Category category,
        Category detectedCategory,
        CaseState state,
        String unit,
        long trackId,
        Box box,
        double bestScore,
        int detections,
        Instant firstSeen,
        Instant lastSeen,
        Instant clearedAt,
        Instant deadline,
        boolean overdue,
        Long reboundOf,
        Long appearanceHash,
        Instant closedAt,
        Instant updatedAt) {

    public boolean rebound() {
        return reboundOf != null;
    }

    /** Dispatched and past its deadline right now. */
    public boolean isOverdueAt(Instant now) {
        return state == CaseState.DISPATCHED && deadline != null && deadline.isBefore(now);
    }

    public CaseRecord withId(long newId) {
        return new CaseRecord(newId, cameraId, pointId, category, detectedCategory, state, unit, trackId, box, bestScore, detections,
                firstSeen, lastSeen, clearedAt, deadline, overdue, reboundOf, appearanceHash, closedAt, updatedAt);
    }

    /** A new detection of the same object: later last-seen, one more detection, latest box and track. */
    public CaseRecord seenAgain(long newTrackId, Box newBox, double score, Instant at) {
        Instant last = at.isAfter(lastSeen) ? at : lastSeen;
        Instant first = at.isBefore(firstSeen) ? at : firstSeen;
        return new CaseRecord(id, cameraId, pointId, category, detectedCategory, state, unit, newTrackId, newBox, Math.max(bestScore, score),
                detections + 1, first, last, null, deadline, overdue, reboundOf, appearanceHash, closedAt, at);
    }

    public CaseRecord cleared(Instant at) {
        return new CaseRecord(id, cameraId, pointId, category, detectedCategory, state, unit, trackId, box, bestScore, detections,
                firstSeen, lastSeen, at, deadline, overdue, reboundOf, appearanceHash, closedAt, at);
    }

    public CaseRecord markedOverdue(Instant now) {
        return new CaseRecord(id, cameraId, pointId, category, detectedCategory, state, unit, trackId, box, bestScore, detections,
                firstSeen, lastSeen, clearedAt, deadline, true, reboundOf, appearanceHash, closedAt, now);
    }

    /** The result of a lifecycle transition: new state, maybe new category/unit/deadline. */
    public CaseRecord moved(CaseState to, Category newCategory, String newUnit, Instant newDeadline, Instant now) {
        return new CaseRecord(id, cameraId, pointId, newCategory, detectedCategory, to, newUnit, trackId, box, bestScore, detections,
                firstSeen, lastSeen, clearedAt, newDeadline, overdue, reboundOf, appearanceHash,
                to == CaseState.CLOSED || to == CaseState.DISMISSED ? now : closedAt, now);
    }
}
