package cn.xuncha.review;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Reads request bodies as JSON objects with typed, bounded fields; every problem is an IllegalArgumentException (400). */
final class RequestJson {
    private RequestJson() {}

    static JsonObject object(RoutingContext ctx) {
        String s = ctx.body().asString();
        if (s == null || s.isBlank()) throw new IllegalArgumentException("request body must be a JSON object");
        try {
            return new JsonObject(s);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("malformed JSON: request body must be a JSON object");
        }
    }

    /** The string field, or null when absent; a non-string or over-long value is refused. */
    static String string(JsonObject j, String key, int maxLength) {
        Object v = j.getValue(key);
        if (v == null) return null;
        if (!(v instanceof String s)) throw new IllegalArgumentException(key + " must be a string");
        if (s.length() > maxLength) throw new IllegalArgumentException(key + " must be at most " + maxLength + " characters");
        return s;
    }
}
