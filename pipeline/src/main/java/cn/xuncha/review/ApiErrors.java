package cn.xuncha.review;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Uniform JSON errors: {@code {"error": "..."}} with the right status; unexpected failures are logged, not leaked. */
public final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {}

    public static void send(RoutingContext ctx, int status, String message) {
        if (ctx.response().ended()) return;
        ctx.response().setStatusCode(status).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("error", message).encode());
    }

    static void onFailure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (t instanceof DecodeException) {
            send(ctx, 400, "malformed JSON: " + t.getMessage());
        } else if (t instanceof IllegalArgumentException) {
            send(ctx, 400, t.getMessage());
        } else if (t == null) {
            send(ctx, ctx.statusCode() > 0 ? ctx.statusCode() : 500, ctx.statusCode() == 413 ? "request body too large" : "request failed");
        } else {
            LOG.error("unhandled error on {} {}", ctx.request().method(), ctx.request().path(), t);
            send(ctx, 500, "internal error");
        }
    }
}
