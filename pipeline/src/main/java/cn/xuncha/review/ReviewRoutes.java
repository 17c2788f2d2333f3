package cn.xuncha.review;

import cn.xuncha.cases.service.CaseService;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.sstore.ClusteredSessionStore;
import io.vertx.ext.web.sstore.LocalSessionStore;
import io.vertx.ext.web.sstore.SessionStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The online patrol web app: sessions, the API guard, the scope guard of the cases API, login/users/board/events
 * routes, the OpenAPI file and the static UI. Mount it FIRST: its guards must run before every other /api route.
 */
public final class ReviewRoutes implements RouteContributor {
    private static final Duration SESSION_IDLE = Duration.ofHours(8);
    private final Vertx vertx;
    private final UserStore users;
    private final RouteContributor[] routes;

    public ReviewRoutes(Vertx vertx, XunchaConfig config, CaseService cases, DataSource db, Clock clock) {
        this.vertx = vertx;
        this.users = new UserStore(db, new PasswordHasher(), clock);
        DecisionStore decisions = new DecisionStore(db);
        Set<String> units = config.points().stream().map(PointConfig::unit).filter(Objects::nonNull).collect(Collectors.toSet());
        this.routes = new RouteContributor[] {
            new CaseScope(vertx, cases, decisions, units, clock),
            new AuthRoutes(vertx, users, new LoginThrottle(db, clock, 5, Duration.ofMinutes(1)), decisions, clock),
            new UserRoutes(vertx, users),
            new BoardRoutes(vertx, config, new OpenCaseCounts(db), clock),
            new EventRoutes(vertx)
        };
    }

    /** The account store, for the CLI and the demo's accounts. */
    public UserStore users() {
        return users;
    }

    @Override
    public void mount(Router router) {
        router.route().handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff").putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "same-origin")
                    .putHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
            ctx.next();
        });
        router.route("/api/*").handler(SessionHandler.create(sessionStore()).setSessionCookieName("xuncha.sid")
                .setCookieHttpOnlyFlag(true).setCookieSameSite(CookieSameSite.STRICT).setSessionTimeout(SESSION_IDLE.toMillis())
                .setLazySession(true));
        router.route("/api/*").handler(new ApiGuard(new AccessPolicy()));
        for (RouteContributor r : routes) r.mount(router);
        Buffer openapi = Buffer.buffer(resource("api/openapi.yaml"));
        router.get("/api/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openapi));
        router.getWithRegex("^/(?!api/).*").handler(StaticHandler.create("webroot").setIndexPage("index.html").setMaxAgeSeconds(60));
    }

    /** Sessions every node can read when clustered (Hazelcast map), a local map on a standalone node. */
    private SessionStore sessionStore() {
        return vertx.isClustered() ? ClusteredSessionStore.create(vertx) : LocalSessionStore.create(vertx);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ReviewRoutes.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing classpath resource " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
