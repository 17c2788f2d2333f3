package cn.xuncha.review;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;

/**
 * The logged-in account and its CSRF token, kept in the Vert.x session as plain strings (so a clustered session
 * store can carry them between nodes).
 */
public final class SessionUser {
    static final String ACCOUNT = "xuncha.account";
    static final String CSRF = "xuncha.csrf";

    private SessionUser() {}

    /** The account of this request's session, or null when not logged in. */
    public static Account of(RoutingContext ctx) {
        Session s = ctx.session();
        String json = s == null ? null : s.get(ACCOUNT);
        if (json == null) return null;
        JsonObject j = new JsonObject(json);
        return new Account(j.getLong("id"), j.getString("name"), Role.valueOf(j.getString("role")), j.getString("unit"));
    }

    static String csrf(RoutingContext ctx) {
        return ctx.session() == null ? null : ctx.session().get(CSRF);
    }

    static void login(Session s, Account a, String csrf) {
        s.regenerateId(); // a session id seen before login must not carry the login (fixation)
        s.put(ACCOUNT, new JsonObject().put("id", a.id()).put("name", a.name()).put("role", a.role().name()).put("unit", a.unit()).encode());
        s.put(CSRF, csrf);
    }

    static JsonObject json(Account a) {
        return new JsonObject().put("name", a.name()).put("role", a.role().name().toLowerCase()).put("roleLabel", a.role().label())
                .put("unit", a.unit());
    }
}
