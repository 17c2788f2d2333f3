package cn.xuncha.review;

import java.util.regex.Pattern;

/**
 * A web user as the app sees it (no password material).
 *
 * @param unit the responsible unit a UNIT user acts for; null for reviewers and admins
 */
public record Account(long id, String name, Role role, String unit) {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}");

    public Account {
        validate(name, role, unit);
    }

    /** Checks a new account's fields; the message names the field that is wrong. */
    public static void validate(String name, Role role, String unit) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-64 letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        if (role == null) throw new IllegalArgumentException("role is required (reviewer, unit or admin)");
        if (role == Role.UNIT && (unit == null || unit.isBlank())) throw new IllegalArgumentException("unit is required for a unit user");
        if (role != Role.UNIT && unit != null && !unit.isBlank()) throw new IllegalArgumentException("only unit users belong to a unit");
        if (unit != null && unit.length() > 200) throw new IllegalArgumentException("unit must be at most 200 characters");
    }

    /** Whether this user may see and act on a case of {@code caseUnit}: unit users only on their own unit's cases. */
    public boolean canSeeUnit(String caseUnit) {
        return role != Role.UNIT || unit.equals(caseUnit);
    }
}
