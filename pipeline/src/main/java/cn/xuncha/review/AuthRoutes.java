package cn.xuncha.review;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

/** POST /api/login (rate-limited per name and address), POST /api/logout, GET /api/session (who am I, CSRF token). */
public final class AuthRoutes implements RouteContributor {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Vertx vertx;
    private final UserStore users;
    private final LoginThrottle throttle;
    private final DecisionStore decisions;
    private final Clock clock;

    public AuthRoutes(Vertx vertx, UserStore users, LoginThrottle throttle, DecisionStore decisions, Clock clock) {
        this.vertx = vertx;
        this.users = users;
        this.throttle = throttle;
        this.decisions = decisions;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.post("/api/login").handler(this::login);
        router.post("/api/logout").handler(ctx -> {
            ctx.session().destroy();
            ctx.response().setStatusCode(204).end();
        });
        router.get("/api/session").handler(this::session);
    }

    private void login(RoutingContext ctx) {
        JsonObject body = RequestJson.object(ctx);
        String name = RequestJson.string(body, "name", 200);
        String password = RequestJson.string(body, "password", 256);
        if (name == null || password == null) throw new IllegalArgumentException("name and password are required");
        String ip = ctx.request().remoteAddress() == null ? "?" : ctx.request().remoteAddress().hostAddress();
        vertx.executeBlocking(() -> {
            long wait = throttle.retryAfterSeconds(name, ip);
            if (wait > 0) return new Outcome(null, wait);
            Account a = users.authenticate(name, password.toCharArray()).orElse(null);
            if (a == null) throttle.recordFailure(name, ip);
            else throttle.clear(name, ip);
            return new Outcome(a, 0);
        }, false).onSuccess(o -> {
            if (o.retryAfter() > 0) {
                ctx.response().putHeader("Retry-After", Long.toString(o.retryAfter()));
                ApiErrors.send(ctx, 429, "too many failed logins; try again in " + o.retryAfter() + " s");
            } else if (o.account() == null) {
                ApiErrors.send(ctx, 401, "wrong name or password");
            } else {
                String csrf = HexFormat.of().formatHex(token());
                SessionUser.login(ctx.session(), o.account(), csrf);
                ctx.json(SessionUser.json(o.account()).put("csrf", csrf));
            }
        }).onFailure(ctx::fail);
    }

    private record Outcome(Account account, long retryAfter) {}

    private void session(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        vertx.executeBlocking(() -> decisions.countSince(a.name(), LocalDate.now(clock.withZone(zone)).atStartOfDay(zone).toInstant()), false)
                .onSuccess(n -> ctx.json(SessionUser.json(a).put("csrf", SessionUser.csrf(ctx)).put("decisionsToday", n)))
                .onFailure(ctx::fail);
    }

    private static byte[] token() {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return b;
    }
}
