package cn.xuncha.review;

import cn.xuncha.cases.CaseAction;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.service.CaseDetail;
import cn.xuncha.cases.service.CaseService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Guards the cases API (mounted before the cases stage's own routes): unit users see and touch only their unit's
 * cases and evidence, each role only its own actions, the actor is the logged-in user, and values are in range.
 * Successful decisions are recorded per user.
 */
public final class CaseScope implements RouteContributor {
    static final Duration MAX_DEADLINE = Duration.ofDays(90);
    private static final Pattern EVIDENCE = Pattern.compile("([0-9a-f]{64})\\.jpg");
    private static final Set<CaseAction> REVIEWER_ACTIONS = EnumSet.of(CaseAction.CONFIRM, CaseAction.DISMISS, CaseAction.DISPATCH,
            CaseAction.CLOSE, CaseAction.REJECT);
    private final Vertx vertx;
    private final CaseService cases;
    private final DecisionStore decisions;
    private final Set<String> units;
    private final Clock clock;

    /** @param units the responsible units of the point registry: cases can only be dispatched to these */
    public CaseScope(Vertx vertx, CaseService cases, DecisionStore decisions, Set<String> units, Clock clock) {
        this.vertx = vertx;
        this.cases = cases;
        this.decisions = decisions;
        this.units = Set.copyOf(units);
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/cases").handler(this::list);
        router.get("/api/cases/:id").handler(this::detail);
        router.post("/api/cases/:id/transitions").handler(this::transition);
        router.get("/api/evidence/:file").handler(this::evidence);
    }

    private void list(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        if (a.role() == Role.UNIT) {
            String asked = ctx.queryParams().get("unit");
            if (asked != null && !asked.isBlank() && !asked.equals(a.unit())) {
                ApiErrors.send(ctx, 403, "unit users see only their own unit's cases");
                return;
            }
            ctx.queryParams().set("unit", a.unit()); // the cases route filters on it
        }
        ctx.next();
    }

    private void detail(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        if (a.role() != Role.UNIT) {
            ctx.next();
            return;
        }
        ownCase(ctx, a, caseId(ctx)).onSuccess(d -> ctx.next());
    }

    private void transition(RoutingContext ctx) {
        Account a = SessionUser.of(ctx);
        JsonObject j = RequestJson.object(ctx);
        long id = caseId(ctx);
        String actor = RequestJson.string(j, "actor", 64);
        if (actor != null && !actor.equals(a.name())) {
            ApiErrors.send(ctx, 403, "actor must be the logged-in user '" + a.name() + "'");
            return;
        }
        String actionText = RequestJson.string(j, "action", 20);
        String toText = RequestJson.string(j, "to", 20);
        CaseAction action = actionText == null ? null : CaseAction.parse(actionText);
        CaseState to = toText == null ? null : CaseState.parse(toText);
        if (!mayAct(a.role(), action, to)) {
            ApiErrors.send(ctx, 403, "a " + a.role().name().toLowerCase() + " user may not " + (action != null ? action : "move a case to " + to));
            return;
        }
        checkValues(j);
        Future<?> scope = a.role() == Role.UNIT ? ownCase(ctx, a, id) : Future.succeededFuture();
        scope.onSuccess(x -> {
            ctx.addEndHandler(v -> {
                if (ctx.response().getStatusCode() != 200) return;
                var d = new DecisionStore.Decision(id, a.name(), action != null ? action.name() : "TO_" + to.name(),
                        j.getString("category"), j.getString("note"), clock.instant());
                vertx.executeBlocking(() -> { decisions.record(d); return null; }, false);
            });
            ctx.next();
        });
    }

    static boolean mayAct(Role role, CaseAction action, CaseState to) {
        return switch (role) {
            case ADMIN -> true;
            case UNIT -> action == CaseAction.RECTIFY || (action == null && to == CaseState.RECTIFIED);
            case REVIEWER -> action != null ? REVIEWER_ACTIONS.contains(action) : to != CaseState.RECTIFIED;
        };
    }

    /** Out-of-range values are refused here with a message, before the case writer sees them. */
    private void checkValues(JsonObject j) {
        RequestJson.string(j, "note", 2000);
        String unit = RequestJson.string(j, "unit", 200);
        if (unit != null && !unit.isBlank() && !units.contains(unit.trim())) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' (not a responsible unit of any point)");
        }
        String deadline = RequestJson.string(j, "deadline", 40);
        if (deadline != null) {
            Instant t;
            try {
                t = Instant.parse(deadline);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("deadline must be an ISO-8601 instant like 2025-05-01T10:00:00Z, got '" + deadline + "'");
            }
            if (t.isAfter(clock.instant().plus(MAX_DEADLINE))) throw new IllegalArgumentException("deadline must be within 90 days");
        }
        String photo = RequestJson.string(j, "photo", Integer.MAX_VALUE);
        if (photo != null) PhotoCheck.jpeg(photo);
    }

    private void evidence(RoutingContext ctx) {
        var m = EVIDENCE.matcher(ctx.pathParam("file"));
        if (!m.matches()) {
            ApiErrors.send(ctx, 400, "evidence is addressed as <sha256 hex>.jpg");
            return;
        }
        Account a = SessionUser.of(ctx);
        if (a.role() != Role.UNIT) {
            ctx.next();
            return;
        }
        String caseParam = ctx.queryParams().get("case");
        if (caseParam == null) {
            ApiErrors.send(ctx, 403, "unit users fetch evidence with ?case=<id> of one of their cases");
            return;
        }
        ownCase(ctx, a, parseId(caseParam)).onSuccess(d -> {
            if (d.evidence().containsValue(m.group(1))) ctx.next();
            else ApiErrors.send(ctx, 403, "this evidence does not belong to case " + d.record().id());
        });
    }

    /** The case if it belongs to the unit user's unit; otherwise the response is already sent (404/403). */
    private Future<CaseDetail> ownCase(RoutingContext ctx, Account a, long id) {
        return vertx.executeBlocking(() -> cases.detail(id), false).compose((Optional<CaseDetail> d) -> {
            if (d.isEmpty()) {
                ApiErrors.send(ctx, 404, "no case with id " + id);
            } else if (!a.canSeeUnit(d.get().record().unit())) {
                ApiErrors.send(ctx, 403, "case " + id + " belongs to another unit");
            } else {
                return Future.succeededFuture(d.get());
            }
            return Future.failedFuture("refused");
        }, e -> {
            ctx.fail(e);
            return Future.failedFuture(e);
        });
    }

    private static long caseId(RoutingContext ctx) {
        return parseId(ctx.pathParam("id"));
    }

    private static long parseId(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("case id must be a number, got '" + v + "'");
        }
    }
}
