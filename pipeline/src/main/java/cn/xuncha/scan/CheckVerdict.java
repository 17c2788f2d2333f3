package cn.xuncha.scan;

import java.util.Locale;

/**
 * The outcome of one camera check: what was measured, against which threshold, and a sentence saying why —
 * so the morning report can explain a fault instead of just naming it.
 *
 * @param measured NaN when the check could not run (e.g. no reference for the view-shift check)
 */
public record CheckVerdict(CheckKind kind, Status status, double measured, double threshold, String detail) {
    /** PASS and FAIL are judgements; SKIPPED means the check had nothing to judge (no frame, no reference). */
    public enum Status { PASS, FAIL, SKIPPED }

    public boolean failed() {
        return status == Status.FAIL;
    }

    public static CheckVerdict judged(CheckKind kind, boolean failed, double measured, double threshold, String detail) {
        return new CheckVerdict(kind, failed ? Status.FAIL : Status.PASS, measured, threshold, detail);
    }

    public static CheckVerdict skipped(CheckKind kind, String why) {
        return new CheckVerdict(kind, Status.SKIPPED, Double.NaN, Double.NaN, why);
    }

    /** e.g. "模糊: 0.021 < 0.35 (sharpness vs. reference)". */
    public String describe() {
        if (status == Status.SKIPPED) return kind.label() + ": " + detail;
        return String.format(Locale.ROOT, "%s: %.3g %s %.3g (%s)", kind.label(), measured, failed() ? "✗" : "✓", threshold, detail);
    }
}
