package cn.xuncha.review;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which role may call which {@code /api} route, first matching rule wins. Routes no rule names are admin-only, so a
 * new stage's API is closed until someone decides who may use it. Unit scope (own unit's cases only) is enforced on
 * top of this by the route guards that know the case.
 */
public final class AccessPolicy {
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> STAFF = EnumSet.of(Role.REVIEWER, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    /** One line of the table; {@code roles == null} means no login needed. */
    record Rule(String method, Pattern path, Set<Role> roles) {
        boolean matches(String m, String p) {
            return (method == null || method.equals(m)) && path.matcher(p).matches();
        }
    }

    private static final List<Rule> RULES = List.of(
            rule("POST", "/api/login", null),
            rule("GET", "/api/openapi\\.yaml", null),
            rule("GET", "/api/session", ALL),
            rule("POST", "/api/logout", ALL),
            rule("GET", "/api/cases", ALL),
            rule("GET", "/api/cases/[^/]+", ALL),
            rule("POST", "/api/cases/[^/]+/transitions", ALL),
            rule("GET", "/api/evidence/[^/]+", ALL),
            rule("GET", "/api/events", ALL),
            rule("GET", "/api/board", ALL),
            // camera health is monitoring data, public like /metrics (URLs masked, no images); frames need staff
            rule("GET", "/api/cameras(/[^/]+)?", null),
            rule("GET", "/api/cameras/[^/]+/latest\\.jpg", STAFF),
            rule("GET", "/api/reports(/[^/]+)?", STAFF),
            rule("POST", "/api/scans", STAFF),
            rule(null, "/api/users", ADMIN));

    private static Rule rule(String method, String regex, Set<Role> roles) {
        return new Rule(method, Pattern.compile(regex), roles);
    }

    /** True when the route needs no login. */
    public boolean isPublic(String method, String path) {
        Rule r = match(method, path);
        return r != null && r.roles() == null;
    }

    /** True when a logged-in user of {@code role} may call the route. */
    public boolean allows(Role role, String method, String path) {
        Rule r = match(method, path);
        if (r == null) return role == Role.ADMIN;
        return r.roles() == null || r.roles().contains(role);
    }

    private static Rule match(String method, String path) {
        for (Rule r : RULES) if (r.matches(method, path)) return r;
        return null;
    }
}
