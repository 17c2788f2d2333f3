package cn.xuncha.cases;

/** What a person (or the system) can do to a case; each maps one state to the next in {@link Lifecycle}. */
public enum CaseAction {
    /** reviewer accepts the detection as a real problem (立案) */
    CONFIRM,
    /** reviewer rejects the detection as a false alarm (误报) */
    DISMISS,
    /** send to the responsible unit with a deadline (派遣) */
    DISPATCH,
    /** the unit reports the problem fixed (整改), with a note and optionally a photo */
    RECTIFY,
    /** reviewer verifies the fix and closes the case (销号) */
    CLOSE,
    /** verification failed: back to the unit (返工) */
    REJECT;

    public static CaseAction parse(String s) {
        for (CaseAction v : values()) if (v.name().equalsIgnoreCase(s == null ? "" : s.trim())) return v;
        throw new IllegalArgumentException("unknown action '" + s + "' (allowed: " + java.util.Arrays.toString(values()) + ")");
    }
}
