package cn.xuncha.cases.service;

import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.TransitionRequest;
import cn.xuncha.cases.store.CaseHistoryStore;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.EvidenceStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cases stage's API: writes (findings, transitions, overdue checks) go through the single {@link CaseWriter};
 * reads are plain blocking JDBC — call them from a worker (executeBlocking), never from an event loop.
 */
public final class CaseService implements AutoCloseable {
    private final Database db;
    private final CasesConfig config;
    private final EvidenceStore evidence;
    private final CaseWriter writer;
    private final Clock clock;
    private final CaseStore cases = new CaseStore();
    private final CaseHistoryStore history = new CaseHistoryStore();

    /** @param unitOfPoint responsible unit of a point id (from the point registry), null if unknown */
    public CaseService(Database db, Path dataDir, CasesConfig config, Function<String, String> unitOfPoint, Clock clock,
                       Consumer<List<CaseChange>> listener) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        this.evidence = new EvidenceStore(dataDir);
        CaseEngine engine = new CaseEngine(config, unitOfPoint, evidence, clock);
        this.writer = new CaseWriter(db, engine, new Journal(dataDir), Duration.ofSeconds(1), listener);
    }

    public CompletableFuture<CommandResult> ingest(Finding f) {
        return writer.submit(CaseCommand.OfFinding.of(f));
    }

    /** @param idempotencyKey the client's key for safe retries, or null for a fresh one */
    public CompletableFuture<CommandResult> transition(TransitionRequest r, String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        return writer.submit(new CaseCommand.OfTransition(key, r, clock.instant()));
    }

    public CompletableFuture<CommandResult> markOverdue() {
        return writer.submit(new CaseCommand.MarkOverdue(UUID.randomUUID().toString(), clock.instant()));
    }

    /** Housekeeping on the writer: forgets idempotency marks and index entries past every replay horizon. */
    public CompletableFuture<CommandResult> prune() {
        return writer.submit(new CaseCommand.Prune(UUID.randomUUID().toString(), clock.instant()));
    }

    public boolean degraded() {
        return writer.degraded();
    }

    public record Page(List<CaseRecord> items, int total) {}

    public Page list(CaseQuery q) throws SQLException {
        try (Connection c = db.connection()) {
            return new Page(cases.list(c, q), cases.count(c, q));
        }
    }

    /** Open, overdue, rebound and closed counts per responsible unit (just {@code unit} when given). */
    public List<cn.xuncha.cases.UnitCounts> countsByUnit(String unit) throws SQLException {
        try (Connection c = db.connection()) {
            return cases.countsByUnit(c, unit, clock.instant());
        }
    }

    public Optional<CaseDetail> detail(long id) throws SQLException {
        try (Connection c = db.connection()) {
            Optional<CaseRecord> r = cases.find(c, id);
            if (r.isEmpty()) return Optional.empty();
            return Optional.of(new CaseDetail(r.get(), history.history(c, id), history.evidence(c, id)));
        }
    }

    public Optional<Path> evidenceFile(String sha256) {
        return evidence.find(sha256);
    }

    /** Writes reviewer decisions as labelled examples into {@code dir} (see {@link ReviewExport}). */
    public ReviewExport.Result exportReviews(Path dir) throws SQLException, java.io.IOException {
        return new ReviewExport(db, evidence).write(dir);
    }

    /** Deletes evidence files of cases past their state's retention; returns how many files went. */
    public int purgeEvidence() throws SQLException {
        int deleted = 0;
        Instant now = clock.instant();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            List<String> orphans = new java.util.ArrayList<>();
            for (Map.Entry<CaseState, Duration> e : config.retention().entrySet()) {
                orphans.addAll(history.dropEvidence(c, e.getKey(), now.minus(e.getValue())));
            }
            c.commit();
            for (String h : orphans) if (evidence.delete(h)) deleted++;
        }
        return deleted;
    }

    @Override
    public void close() {
        writer.close();
    }
}
