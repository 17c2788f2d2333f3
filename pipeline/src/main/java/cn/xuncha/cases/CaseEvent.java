package cn.xuncha.cases;

import java.time.Instant;

/**
 * One audit line of a case: who did what when, from which state to which, and why.
 *
 * @param action a {@link CaseAction} name, or a system event: OPENED, CLEARED, REAPPEARED, OVERDUE
 * @param from null for OPENED
 */
public record CaseEvent(long caseId, Instant at, String actor, String action, CaseState from, CaseState to, String note) {
    public static final String SYSTEM = "system";

    public CaseEvent forCase(long id) {
        return new CaseEvent(id, at, actor, action, from, to, note);
    }
}
