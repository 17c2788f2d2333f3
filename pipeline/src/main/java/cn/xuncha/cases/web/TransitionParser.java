package cn.xuncha.cases.web;

import cn.xuncha.cases.CaseAction;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.IllegalTransitionException;
import cn.xuncha.cases.Lifecycle;
import cn.xuncha.cases.TransitionRequest;
import cn.xuncha.cases.service.CaseService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;

/**
 * Reads a transition request body: {@code {action|to, actor, note, unit, deadline, category, photo}}. A target state
 * ({@code to}) is turned into the action by looking at the case's current state.
 */
final class TransitionParser {
    private static final Set<String> KEYS = Set.of("action", "to", "actor", "note", "unit", "deadline", "category", "photo");

    record Parsed(TransitionRequest request) {}

    /** A refusal with its HTTP status, raised while resolving {@code to}. */
    static final class ParseException extends RuntimeException {
        final int status;

        ParseException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    private TransitionParser() {}

    /** @throws IllegalArgumentException on malformed input (400) */
    static Future<Parsed> parse(Vertx vertx, CaseService service, long caseId, String body) {
        JsonObject j;
        try {
            j = body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("body is not valid JSON: " + e.getMessage());
        }
        if (j == null) throw new IllegalArgumentException("body must be a JSON object with action (or to) and actor");
        for (String k : j.fieldNames()) if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown field '" + k + "' (allowed: " + KEYS + ")");
        String action = str(j, "action");
        String to = str(j, "to");
        if ((action == null) == (to == null)) throw new IllegalArgumentException("give exactly one of action or to");
        Instant deadline = null;
        if (str(j, "deadline") != null) {
            try {
                deadline = Instant.parse(str(j, "deadline"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("deadline must be an ISO-8601 instant like 2025-05-01T18:00:00Z");
            }
        }
        byte[] photo = null;
        if (str(j, "photo") != null) {
            try {
                photo = Base64.getDecoder().decode(str(j, "photo"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("photo must be base64-encoded JPEG bytes");
            }
        }
        var category = str(j, "category") == null ? null : CaseRoutes.category(str(j, "category"));
        String actor = str(j, "actor");
        if (actor == null || actor.isBlank()) throw new IllegalArgumentException("actor is required");
        final Instant dl = deadline;
        final byte[] ph = photo;
        if (action != null) {
            CaseAction a = CaseAction.parse(action);
            return Future.succeededFuture(new Parsed(new TransitionRequest(caseId, a, actor, str(j, "note"), str(j, "unit"), dl, category, ph)));
        }
        CaseState target = CaseState.parse(to);
        return vertx.executeBlocking(() -> service.detail(caseId)).map(d -> {
            if (d.isEmpty()) throw new ParseException(404, "no case with id " + caseId);
            CaseRecord c = d.get().record();
            try {
                CaseAction a = Lifecycle.actionFor(c.state(), target);
                return new Parsed(new TransitionRequest(caseId, a, actor, str(j, "note"), str(j, "unit"), dl, category, ph));
            } catch (IllegalTransitionException e) {
                throw new ParseException(409, e.getMessage());
            }
        });
    }

    private static String str(JsonObject j, String k) {
        Object v = j.getValue(k);
        if (v == null) return null;
        if (!(v instanceof String s)) throw new IllegalArgumentException(k + " must be a string");
        return s;
    }
}
