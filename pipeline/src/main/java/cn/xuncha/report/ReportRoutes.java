package cn.xuncha.report;

import cn.xuncha.review.ApiErrors;
import cn.xuncha.review.RouteContributor;
import cn.xuncha.scan.ScanVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report and scan API: GET /api/reports (archive, newest first), GET /api/reports/{date}.{html|xlsx|csv} (archived
 * file, generated on first request), POST /api/scans (start a scan now; 409 while one runs).
 */
public final class ReportRoutes implements RouteContributor {
    private static final Pattern FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.([a-z]+)");
    private final Vertx vertx;
    private final Supplier<ReportService> reports;

    /** @param reports the scan verticle's report service (null until it started) */
    public ReportRoutes(Vertx vertx, Supplier<ReportService> reports) {
        this.vertx = vertx;
        this.reports = reports;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/reports").handler(this::list);
        router.get("/api/reports/:file").handler(this::file);
        router.post("/api/scans").handler(this::scan);
    }

    private void list(RoutingContext ctx) {
        ReportService r = reports.get();
        if (r == null) {
            ApiErrors.send(ctx, 503, "the scan stage is starting");
            return;
        }
        vertx.executeBlocking(() -> r.archive().list(400)).onSuccess(entries -> {
            JsonArray out = new JsonArray();
            entries.forEach(e -> out.add(new JsonObject().put("date", e.date().toString()).put("format", e.format().extension())
                    .put("bytes", e.bytes()).put("scanId", e.scanId()).put("createdAt", e.createdAt().toString())
                    .put("url", "/api/reports/" + e.date() + "." + e.format().extension())));
            ctx.json(out);
        }).onFailure(ctx::fail);
    }

    private void file(RoutingContext ctx) {
        Matcher m = FILE.matcher(ctx.pathParam("file"));
        if (!m.matches()) {
            ApiErrors.send(ctx, 400, "expected /api/reports/YYYY-MM-DD.html|xlsx|csv, got '" + ctx.pathParam("file") + "'");
            return;
        }
        LocalDate date;
        ReportFormat format;
        try {
            date = LocalDate.parse(m.group(1));
            format = ReportFormat.parse(m.group(2));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            ApiErrors.send(ctx, 400, e.getMessage());
            return;
        }
        ReportService r = reports.get();
        if (r == null) {
            ApiErrors.send(ctx, 503, "the scan stage is starting");
            return;
        }
        vertx.executeBlocking(() -> r.fetch(date, format)).onSuccess(path -> {
            ctx.response().putHeader("Content-Type", format.mediaType());
            if (format != ReportFormat.HTML) {
                ctx.response().putHeader("Content-Disposition", "attachment; filename=\"" + format.fileName(date) + "\"");
            }
            ctx.response().sendFile(path.toString());
        }).onFailure(ctx::fail);
    }

    private void scan(RoutingContext ctx) {
        vertx.eventBus().<JsonObject>request(ScanVerticle.TRIGGER, new JsonObject().put("trigger", "manual"))
                .onSuccess(reply -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                        .end(reply.body().encode()))
                .onFailure(e -> {
                    if (e instanceof ReplyException re && re.failureCode() == 409) ApiErrors.send(ctx, 409, re.getMessage());
                    else ApiErrors.send(ctx, 503, "no scan stage answered: " + e.getMessage());
                });
    }
}
