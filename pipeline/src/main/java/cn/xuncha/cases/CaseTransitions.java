package cn.xuncha.cases;

import cn.xuncha.analysis.Category;
import java.time.Instant;

/** Applies a person's request to a case: checks the lifecycle and the request's fields, returns the audited result. */
public final class CaseTransitions {
    private final CasesConfig config;

    public CaseTransitions(CasesConfig config) {
        this.config = config;
    }

    /** @throws IllegalTransitionException when the lifecycle forbids it; IllegalArgumentException when a field is missing/bad */
    public TransitionResult apply(CaseRecord c, TransitionRequest r, Instant now) {
        if (r.actor() == null || r.actor().isBlank()) throw new IllegalArgumentException("actor is required");
        CaseState to = Lifecycle.next(c.state(), r.action());
        Category category = c.category();
        if (r.category() != null) {
            if (r.action() != CaseAction.CONFIRM && r.action() != CaseAction.DISMISS) {
                throw new IllegalArgumentException("category can only be corrected when confirming or dismissing");
            }
            category = r.category();
        }
        String unit = c.unit();
        Instant deadline = c.deadline();
        String note = r.note() == null ? "" : r.note().trim();
        switch (r.action()) {
            case DISPATCH -> {
                if (r.unit() != null && !r.unit().isBlank()) unit = r.unit().trim();
                if (unit == null || unit.isBlank()) throw new IllegalArgumentException("unit is required to dispatch (the point has none)");
                deadline = requireFutureDeadline(r.deadline(), now);
            }
            case REJECT -> {
                if (note.isEmpty()) throw new IllegalArgumentException("note is required to reject a rectification (say what is still wrong)");
                if (r.deadline() != null) deadline = requireFutureDeadline(r.deadline(), now);
            }
            case RECTIFY -> {
                if (note.isEmpty()) throw new IllegalArgumentException("note is required to report a rectification");
            }
            default -> { }
        }
        CaseRecord after = c.moved(to, category, unit, deadline, now);
        CaseEvent event = new CaseEvent(c.id(), now, r.actor().trim(), r.action().name(), c.state(), to, describe(c, after, note));
        Suppression sup = to == CaseState.DISMISSED
                ? new Suppression(0, c.cameraId(), c.box(), c.appearanceHash(), c.id(), now, now.plus(config.suppression()))
                : null;
        return new TransitionResult(after, event, sup);
    }

    private static Instant requireFutureDeadline(Instant deadline, Instant now) {
        if (deadline == null) throw new IllegalArgumentException("deadline is required to dispatch");
        if (!deadline.isAfter(now)) throw new IllegalArgumentException("deadline " + deadline + " is not in the future");
        return deadline;
    }

    /** The audit note: the person's words plus what changed besides the state, so the history reads on its own. */
    private static String describe(CaseRecord before, CaseRecord after, String note) {
        StringBuilder sb = new StringBuilder(note);
        if (before.category() != after.category()) append(sb, "category " + before.category().code() + " → " + after.category().code());
        if (!java.util.Objects.equals(before.unit(), after.unit())) append(sb, "unit " + before.unit() + " → " + after.unit());
        if (!java.util.Objects.equals(before.deadline(), after.deadline())) append(sb, "deadline " + after.deadline());
        return sb.toString();
    }

    private static void append(StringBuilder sb, String s) {
        if (sb.length() > 0) sb.append("; ");
        sb.append(s);
    }
}
