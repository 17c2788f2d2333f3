package cn.xuncha.cases.web;

import cn.xuncha.analysis.Category;
import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.UnitCounts;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.service.CaseViews;
import cn.xuncha.cases.service.Outages;
import cn.xuncha.cases.store.EvidenceStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP API of the cases stage. Thin: parse, call {@link CaseService} off the event loop, map results to status codes
 * (400 bad input, 404 unknown, 409 illegal transition, 202 journaled during a database outage).
 */
public final class CaseRoutes implements cn.xuncha.review.RouteContributor {
    static final String EVIDENCE_PREFIX = "/api/evidence/";
    private static final Pattern EVIDENCE_FILE = Pattern.compile("([0-9a-f]{64})\\.jpg");
    private final Vertx vertx;
    private final CaseService service;
    private final Clock clock;

    public CaseRoutes(Vertx vertx, CaseService service, Clock clock) {
        this.vertx = vertx;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/cases").handler(this::list);
        router.get("/api/cases/stats").handler(this::stats); // before :id, which would take "stats" for an id
        router.get("/api/cases/:id").handler(this::detail);
        router.post("/api/cases/:id/transitions").handler(BodyHandler.create().setBodyLimit(8 * 1024 * 1024)).handler(this::transition);
        router.get(EVIDENCE_PREFIX + ":file").handler(this::evidence);
    }

    private void list(RoutingContext ctx) {
        CaseQuery q;
        try {
            q = new CaseQuery(param(ctx, "state", CaseState::parse), ctx.queryParams().get("unit"), ctx.queryParams().get("point"),
                    param(ctx, "category", CaseRoutes::category), ctx.queryParams().get("camera"),
                    intParam(ctx, "offset", 0), intParam(ctx, "limit", 50), sort(ctx.queryParams().get("sort")));
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> service.list(q), false).onSuccess(page -> {
            JsonArray items = new JsonArray();
            page.items().forEach(c -> items.add(new JsonObject(CaseViews.summary(c, clock.instant()))));
            ctx.json(new JsonObject().put("total", page.total()).put("offset", q.offset()).put("limit", q.limit()).put("items", items));
        }).onFailure(e -> readFailed(ctx, e));
    }

    /** {@code GET /api/cases/stats[?unit=U]}: {units: [{unit, open, overdue, rebounds, closed}], total: {...}}. */
    private void stats(RoutingContext ctx) {
        String unit = ctx.queryParams().get("unit");
        if (unit != null && unit.isBlank()) {
            badRequest(ctx, "unit must not be empty (leave it out for every unit)");
            return;
        }
        vertx.executeBlocking(() -> service.countsByUnit(unit == null ? null : unit.trim())).onSuccess(counts -> {
            JsonArray units = new JsonArray();
            int[] total = new int[4];
            for (UnitCounts u : counts) {
                units.add(new JsonObject().put("unit", u.unit()).put("open", u.open()).put("overdue", u.overdue())
                        .put("rebounds", u.rebounds()).put("closed", u.closed()));
                total[0] += u.open();
                total[1] += u.overdue();
                total[2] += u.rebounds();
                total[3] += u.closed();
            }
            ctx.json(new JsonObject().put("units", units).put("total", new JsonObject().put("open", total[0]).put("overdue", total[1])
                    .put("rebounds", total[2]).put("closed", total[3])));
        }).onFailure(e -> readFailed(ctx, e));
    }

    /** A read that failed because the database is away answers 503 with a message (writes are journaled meanwhile). */
    private static void readFailed(RoutingContext ctx, Throwable e) {
        if (!Outages.isConnectionFailure(e)) {
            ctx.fail(e);
            return;
        }
        ctx.response().putHeader("Retry-After", "5");
        error(ctx, 503, "database unavailable, try again shortly (new detections and transitions are kept and applied when it is back): "
                + e.getMessage());
    }

    private void detail(RoutingContext ctx) {
        long id;
        try {
            id = caseId(ctx);
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> service.detail(id), false).onSuccess(d -> {
            if (d.isEmpty()) notFound(ctx, "no case with id " + id);
            else ctx.json(new JsonObject(CaseViews.detail(d.get(), clock.instant(), EVIDENCE_PREFIX)));
        }).onFailure(e -> readFailed(ctx, e));
    }

    private void transition(RoutingContext ctx) {
        Future<TransitionParser.Parsed> parsed;
        try {
            parsed = TransitionParser.parse(vertx, service, caseId(ctx), ctx.body().asString());
        } catch (IllegalArgumentException e) {
            badRequest(ctx, e.getMessage());
            return;
        }
        parsed.compose(p -> Future.fromCompletionStage(service.transition(p.request(), ctx.request().getHeader("Idempotency-Key")), ctx.vertx().getOrCreateContext()))
                .onSuccess(r -> {
                    switch (r.status()) {
                        case APPLIED -> ctx.json(new JsonObject(CaseViews.summary(r.after(), clock.instant())));
                        case JOURNALED -> ctx.response().setStatusCode(202).end(new JsonObject().put("status", "journaled").put("message", r.message()).encode());
                        case DUPLICATE -> ctx.response().setStatusCode(200).end(new JsonObject().put("status", "duplicate").encode());
                        case NOT_FOUND -> notFound(ctx, r.message());
                        case ILLEGAL_TRANSITION -> error(ctx, 409, r.message());
                        case INVALID -> badRequest(ctx, r.message());
                        default -> error(ctx, 500, r.message());
                    }
                })
                .onFailure(e -> {
                    if (e instanceof TransitionParser.ParseException pe) error(ctx, pe.status, pe.getMessage());
                    else readFailed(ctx, e); // resolving "to" reads the case first
                });
    }

    private void evidence(RoutingContext ctx) {
        Matcher m = EVIDENCE_FILE.matcher(ctx.pathParam("file"));
        if (!m.matches() || !EvidenceStore.isHash(m.group(1))) {
            badRequest(ctx, "evidence is addressed as <sha256 hex>.jpg");
            return;
        }
        vertx.executeBlocking(() -> service.evidenceFile(m.group(1)), false).onSuccess(p -> {
            if (p.isEmpty()) notFound(ctx, "no evidence " + m.group(1));
            else ctx.response().putHeader("Content-Type", "image/jpeg").putHeader("Cache-Control", "private, max-age=31536000, immutable")
                    .sendFile(p.get().toString());
        }).onFailure(ctx::fail);
    }

    static Category category(String code) {
        return Category.fromCode(code.trim().toLowerCase()).orElseThrow(() -> new IllegalArgumentException("unknown category '" + code
                + "' (allowed: " + java.util.Arrays.stream(Category.values()).map(Category::code).toList() + ")"));
    }

    private static boolean sort(String s) {
        if (s == null || s.equals("newest")) return true;
        if (s.equals("oldest")) return false;
        throw new IllegalArgumentException("sort must be newest or oldest, got '" + s + "'");
    }

    private static <T> T param(RoutingContext ctx, String name, java.util.function.Function<String, T> parse) {
        String v = ctx.queryParams().get(name);
        return v == null || v.isBlank() ? null : parse.apply(v);
    }

    private static int intParam(RoutingContext ctx, String name, int dflt) {
        String v = ctx.queryParams().get(name);
        if (v == null || v.isBlank()) return dflt;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got '" + v + "'");
        }
    }

    private static long caseId(RoutingContext ctx) {
        String v = ctx.pathParam("id");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("case id must be a number, got '" + v + "'");
        }
    }

    private static void badRequest(RoutingContext ctx, String msg) {
        error(ctx, 400, msg);
    }

    private static void notFound(RoutingContext ctx, String msg) {
        error(ctx, 404, msg);
    }

    private static void error(RoutingContext ctx, int status, String msg) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", msg == null ? "error" : msg).encode());
    }
}
