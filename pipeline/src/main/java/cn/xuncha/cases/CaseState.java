package cn.xuncha.cases;

/** Case states of the 数字城管 workflow (GB/T 30428), with the Chinese label shown to reviewers. */
public enum CaseState {
    PENDING("待审核"),
    DISMISSED("误报"),
    CONFIRMED("已立案"),
    DISPATCHED("已派遣"),
    RECTIFIED("已整改"),
    CLOSED("已销号");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open cases absorb new detections of the same object; terminal ones never change again. */
    public boolean isOpen() {
        return this != DISMISSED && this != CLOSED;
    }

    /** Parses a state name case-insensitively, naming the allowed values when it is unknown. */
    public static CaseState parse(String s) {
        for (CaseState v : values()) if (v.name().equalsIgnoreCase(s == null ? "" : s.trim())) return v;
        throw new IllegalArgumentException("unknown case state '" + s + "' (allowed: " + java.util.Arrays.toString(values()) + ")");
    }
}
