package cn.xuncha.review;

/** Who a web user is: 巡查员 reviews flags, 责任单位 fixes its own unit's cases, 管理员 manages everything. */
public enum Role {
    REVIEWER("巡查员"),
    UNIT("责任单位"),
    ADMIN("管理员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses a role name case-insensitively, naming the allowed values when it is unknown. */
    public static Role parse(String s) {
        for (Role r : values()) if (r.name().equalsIgnoreCase(s == null ? "" : s.trim())) return r;
        throw new IllegalArgumentException("unknown role '" + s + "' (allowed: reviewer, unit, admin)");
    }
}
