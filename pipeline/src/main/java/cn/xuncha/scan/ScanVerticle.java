package cn.xuncha.scan;

import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.report.ReportFormat;
import cn.xuncha.report.ReportService;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Lock;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the nightly scan: daily at the configured local time, at startup when tonight's scan was missed (within the
 * grace window), and on request over {@value #TRIGGER}. A cluster-wide lock makes sure only one scan runs in the
 * cluster; a scheduled scan is skipped when another node already started this slot's scan. After a scan the
 * morning report is rendered into the archive. Owns {@value #TRIGGER} and {@value #FINISHED}.
 */
public final class ScanVerticle extends VerticleBase {
    /** request {"trigger": "manual"} → reply {"started": true}; fails with 409 while a scan runs */
    public static final String TRIGGER = "xuncha.scan.trigger";
    /** published after each scan: {"scanId", "date", "cameras", "failed", "findings", "cleared", "seconds"} */
    public static final String FINISHED = "xuncha.scan.finished";
    private static final String LOCK = "xuncha.scan.lock";
    private static final Logger LOG = LoggerFactory.getLogger(ScanVerticle.class);
    private final XunchaConfig config;
    private final ScanSettings settings;
    private final Supplier<CaseService> cases;
    private final CropClassifier classifier;
    private final Clock clock;
    private final ScanSchedule schedule;
    private Database db;
    private ScanStage stage;
    private volatile ReportService reports;
    private long timer = -1;
    private volatile Thread scanning;

    /** @param cases the cases stage's service (deployed before this verticle) */
    public ScanVerticle(XunchaConfig config, ScanSettings settings, Supplier<CaseService> cases, CropClassifier classifier, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.cases = cases;
        this.classifier = classifier;
        this.clock = clock;
        this.schedule = ScanSchedule.of(settings);
    }

    /** For the report routes; null until started. */
    public ReportService reports() {
        return reports;
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            db = Database.open(config.storage());
            stage = new ScanStage(config, settings, db.dataSource(), new ServiceCaseGateway(cases.get()),
                    ScanAnalyzers.create(classifier, settings), clock);
            reports = new ReportService(config, db.dataSource(), stage.store(), settings.zone(), clock);
            return stage.store().latest().map(ScanRun::startedAt).orElse(null);
        }).onSuccess(lastStarted -> {
            vertx.eventBus().<JsonObject>consumer(TRIGGER, this::onTrigger);
            if (schedule.owed(clock.instant(), lastStarted)) {
                LOG.info("tonight's scan was missed; running it now");
                run("startup", true);
            }
            scheduleNext();
        });
    }

    private void scheduleNext() {
        long delay = Math.max(1, Duration.between(clock.instant(), schedule.nextSlot(clock.instant())).toMillis());
        timer = vertx.setTimer(delay, id -> {
            run("scheduled", true);
            scheduleNext();
        });
    }

    private void onTrigger(Message<JsonObject> msg) {
        String trigger = msg.body() == null ? "manual" : msg.body().getString("trigger", "manual");
        run(trigger, false).onSuccess(started -> msg.reply(new JsonObject().put("started", true).put("trigger", trigger)))
                .onFailure(e -> msg.fail(409, e.getMessage()));
    }

    /** Takes the lock and starts a scan on its own thread; the future completes once it started (or was refused). */
    private Future<Boolean> run(String trigger, boolean onlyIfOwed) {
        return vertx.sharedData().getLockWithTimeout(LOCK, 200)
                .recover(e -> Future.failedFuture("a scan is already running"))
                .compose(lock -> {
                    Promise<Boolean> started = Promise.promise();
                    Thread t = new Thread(() -> scan(trigger, onlyIfOwed, lock, started), "scan-" + trigger);
                    t.setDaemon(true);
                    scanning = t;
                    t.start();
                    return started.future();
                });
    }

    private void scan(String trigger, boolean onlyIfOwed, Lock lock, Promise<Boolean> started) {
        try {
            if (onlyIfOwed && !schedule.owed(clock.instant(), stage.store().latest().map(ScanRun::startedAt).orElse(null))) {
                started.tryComplete(false); // another node ran this slot's scan
                return;
            }
            started.tryComplete(true);
            ScanSummary s = stage.scanner().run(trigger, ScanTarget.all(config), (r, done, total, failed) -> { });
            LOG.info("scan {} ({}) done: {} cameras, {} failed, {} findings, {} cleared in {} s", s.scanId(), trigger, s.cameras(),
                    s.failed(), s.findings(), s.cleared(), s.took().toSeconds());
            for (ReportFormat f : ReportFormat.values()) reports.generate(s.scanDate(), f);
            vertx.eventBus().publish(FINISHED, new JsonObject().put("scanId", s.scanId()).put("date", s.scanDate().toString())
                    .put("cameras", s.cameras()).put("failed", s.failed()).put("findings", s.findings()).put("cleared", s.cleared())
                    .put("seconds", s.took().toMillis() / 1000.0));
        } catch (InterruptedException e) {
            started.tryFail(e);
            LOG.info("scan ({}) stopped: the node is shutting down; recorded as failed", trigger);
        } catch (Exception e) {
            started.tryFail(e);
            LOG.error("scan ({}) failed: {}", trigger, e.toString());
        } finally {
            lock.release();
        }
    }

    @Override
    public Future<?> stop() {
        if (timer >= 0) vertx.cancelTimer(timer);
        return vertx.executeBlocking(() -> {
            stopScan();
            if (stage != null) stage.close();
            if (db != null) db.close();
            return null;
        });
    }

    /**
     * Interrupts a running scan and waits until it has recorded itself as failed, so that nothing writes into the
     * data directory or the pool after this verticle stopped (a restarted node must not meet a half-written scan).
     */
    private void stopScan() throws InterruptedException {
        Thread t = scanning;
        if (t == null || !t.isAlive()) return;
        LOG.info("stopping the running scan ({})", t.getName());
        t.interrupt();
        t.join(settings.cameraTimeout().toMillis() + 5000);
        if (t.isAlive()) LOG.warn("scan thread {} did not stop within the camera timeout; closing its database anyway", t.getName());
    }
}
