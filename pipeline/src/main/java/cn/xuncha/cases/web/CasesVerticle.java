package cn.xuncha.cases.web;

import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.notify.Notifier;
import cn.xuncha.cases.service.CaseJson;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns {@value #FINDINGS} (consumes findings, JSON) and {@value #CHANGED} (publishes {@link CaseChange} JSON).
 * Opens the database on a worker thread; all database work runs on the case writer or worker threads, never here.
 */
public final class CasesVerticle extends VerticleBase {
    public static final String FINDINGS = "xuncha.findings";
    public static final String CHANGED = "xuncha.cases.changed";
    private static final Logger LOG = LoggerFactory.getLogger(CasesVerticle.class);
    private final XunchaConfig config;
    private final CasesConfig cases;
    private final Clock clock;
    private volatile CaseService service;
    private Database db;
    private Notifier notifier;

    public CasesVerticle(XunchaConfig config, CasesConfig cases, Clock clock) {
        this.config = config;
        this.cases = cases;
        this.clock = clock;
    }

    /** The running service, for {@link CaseRoutes}; null before start completes. */
    public CaseService service() {
        return service;
    }

    @Override
    public Future<?> start() {
        Map<String, String> units = config.points().stream().filter(p -> p.unit() != null)
                .collect(Collectors.toMap(PointConfig::id, PointConfig::unit, (a, b) -> a));
        Function<String, String> unitOfPoint = units::get;
        notifier = Notifier.create(vertx, cases);
        return vertx.executeBlocking(() -> {
            db = Database.open(config.storage());
            service = new CaseService(db, Path.of(config.storage().dataDir()), cases, unitOfPoint, clock, this::changed);
            return service;
        }).compose(s -> {
            vertx.eventBus().<Object>consumer(FINDINGS, this::onFinding);
            vertx.setPeriodic(cases.overdueCheck().toMillis(), id -> s.markOverdue());
            vertx.setPeriodic(3_600_000L, id -> {
                s.prune();
                vertx.executeBlocking(s::purgeEvidence, false).onFailure(e -> LOG.warn("evidence purge failed: {}", e.getMessage()));
            });
            return Future.succeededFuture();
        });
    }

    private void onFinding(Message<Object> msg) {
        Finding f;
        try {
            f = CaseJson.mapper().readValue(msg.body().toString(), Finding.class);
            if (f.cameraId() == null || f.event() == null || f.category() == null || f.box() == null || f.at() == null) {
                throw new IllegalArgumentException("finding needs cameraId, event, category, box and at");
            }
        } catch (Exception e) {
            LOG.warn("malformed finding on {} dropped: {}", FINDINGS, e.getMessage());
            if (msg.replyAddress() != null) msg.fail(400, "malformed finding: " + e.getMessage());
            return;
        }
        Future.fromCompletionStage(service.ingest(f), context).onComplete(ar -> {
            if (msg.replyAddress() == null) return;
            if (ar.succeeded()) msg.reply(ar.result().status().name());
            else msg.fail(500, ar.cause().getMessage());
        });
    }

    /** Called on the case writer thread; the event bus is thread-safe. */
    private void changed(List<CaseChange> changes) {
        for (CaseChange c : changes) {
            try {
                vertx.eventBus().publish(CHANGED, new JsonObject(CaseJson.mapper().writeValueAsString(c)));
            } catch (Exception e) {
                LOG.warn("cannot publish case change {}: {}", c, e.getMessage());
            }
            notifier.notify(c);
        }
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            if (service != null) service.close();
            if (db != null) db.close();
            notifier.close();
            return null;
        });
    }
}
