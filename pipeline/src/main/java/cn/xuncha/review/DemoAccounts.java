package cn.xuncha.review;

import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Demo accounts for {@code xuncha demo}: one admin, one reviewer and one user per responsible unit (at most
 * {@value #MAX_UNITS}), each with a fresh random password that the demo prints. Existing demo accounts get a new password.
 */
public final class DemoAccounts {
    static final int MAX_UNITS = 5;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A demo login as printed for the user. */
    public record Login(String name, Role role, String unit, String password) {
        @Override
        public String toString() {
            return String.format("%-10s %-8s %-12s %s", role.label(), name, password, unit == null ? "" : unit);
        }
    }

    private DemoAccounts() {}

    public static List<Login> ensure(UserStore users, XunchaConfig config) throws SQLException {
        List<Login> out = new ArrayList<>();
        out.add(ensure(users, "admin", Role.ADMIN, null));
        out.add(ensure(users, "reviewer", Role.REVIEWER, null));
        Set<String> units = new LinkedHashSet<>();
        config.points().stream().map(PointConfig::unit).filter(Objects::nonNull).forEach(units::add);
        int i = 1;
        for (String unit : units) {
            if (i > MAX_UNITS) break;
            out.add(ensure(users, "unit" + i++, Role.UNIT, unit));
        }
        return out;
    }

    private static Login ensure(UserStore users, String name, Role role, String unit) throws SQLException {
        String password = password();
        var existing = users.find(name);
        if (existing.isPresent() && existing.get().role() == role && Objects.equals(existing.get().unit(), unit)) {
            users.setPassword(name, password.toCharArray());
        } else if (existing.isEmpty()) {
            users.add(name, role, unit, password.toCharArray());
        } else {
            throw new IllegalStateException("user '" + name + "' exists with another role or unit; not touching it");
        }
        return new Login(name, role, unit, password);
    }

    private static String password() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 10; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
