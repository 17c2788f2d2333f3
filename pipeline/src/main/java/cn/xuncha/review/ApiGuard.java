package cn.xuncha.review;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * In front of every {@code /api} route: login (401), CSRF token on state-changing requests (403), JSON bodies only
 * (415, which also stops cross-site form posts), and the role table of {@link AccessPolicy} (403).
 */
public final class ApiGuard implements Handler<RoutingContext> {
    static final String CSRF_HEADER = "X-CSRF-Token";
    private final AccessPolicy policy;

    public ApiGuard(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.normalizedPath();
        boolean unsafe = !(ctx.request().method() == HttpMethod.GET || ctx.request().method() == HttpMethod.HEAD
                || ctx.request().method() == HttpMethod.OPTIONS);
        if (unsafe && ctx.body().length() > 0 && !isJson(ctx.request().getHeader("Content-Type"))) {
            ApiErrors.send(ctx, 415, "request body must be application/json");
            return;
        }
        if (policy.isPublic(method, path)) {
            ctx.next();
            return;
        }
        Account a = SessionUser.of(ctx);
        if (a == null) {
            ApiErrors.send(ctx, 401, "login required");
            return;
        }
        if (unsafe && !csrfMatches(SessionUser.csrf(ctx), ctx.request().getHeader(CSRF_HEADER))) {
            ApiErrors.send(ctx, 403, "missing or invalid CSRF token (send the " + CSRF_HEADER + " header from GET /api/session)");
            return;
        }
        if (!policy.allows(a.role(), method, path)) {
            ApiErrors.send(ctx, 403, "a " + a.role().name().toLowerCase() + " user may not " + method + " " + path);
            return;
        }
        ctx.next();
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith("application/json");
    }

    private static boolean csrfMatches(String expected, String given) {
        if (expected == null || given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
