package cn.xuncha.report;

import java.time.Instant;

/**
 * The facts of one case a report counts with. States are the cases stage's names (PENDING … CLOSED, DISMISSED).
 *
 * @param closedAt when it was closed or dismissed, else null
 */
public record CaseFact(long id, String pointId, String cameraId, String unit, String category, String state, Instant firstSeen,
                       Instant deadline, boolean overdueFlag, Long reboundOf, Instant closedAt) {
    public boolean dismissed() {
        return "DISMISSED".equals(state);
    }

    /** Open at time t: seen by then, not closed by then, and not a false alarm. */
    public boolean openAt(Instant t) {
        return !dismissed() && !firstSeen.isAfter(t) && (closedAt == null || closedAt.isAfter(t));
    }

    /** Open at t with its deadline passed and not yet reported fixed. */
    public boolean overdueAt(Instant t) {
        if (!openAt(t) || deadline == null || !deadline.isBefore(t)) return false;
        return overdueFlag || "DISPATCHED".equals(state);
    }

    public boolean newIn(Instant from, Instant to) {
        return !dismissed() && firstSeen.isAfter(from) && !firstSeen.isAfter(to);
    }

    public boolean closedIn(Instant from, Instant to) {
        return "CLOSED".equals(state) && closedAt != null && closedAt.isAfter(from) && !closedAt.isAfter(to);
    }
}
