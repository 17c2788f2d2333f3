package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.service.CommandResult.Status;
import cn.xuncha.cases.store.Database;
import cn.xuncha.cases.store.StaleIndexException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes cases: drains submitted commands in batches (one transaction each, group commit),
 * and when the database is unreachable appends them to the {@link Journal} instead, replaying it in order once the
 * database answers again. Callers never block; they get a future.
 */
public final class CaseWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CaseWriter.class);
    private static final int MAX_BATCH = 256;
    private final Database db;
    private final CaseEngine engine;
    private final Journal journal;
    private final Duration retryInterval;
    private final Consumer<List<CaseChange>> listener;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** whether the journal holds commands; only this writer appends to or clears it, so no file check per batch */
    private volatile boolean journaled;
    private long nextReplayNanos;

    private record Pending(CaseCommand command, CompletableFuture<CommandResult> result) {}

    /** @param listener receives the case changes of every applied batch (including replays), on the writer thread */
    public CaseWriter(Database db, CaseEngine engine, Journal journal, Duration retryInterval, Consumer<List<CaseChange>> listener) {
        this.db = db;
        this.engine = engine;
        this.journal = journal;
        this.retryInterval = retryInterval;
        this.listener = listener;
        this.journaled = !journal.isEmpty();
        this.thread = new Thread(this::run, "xuncha-case-writer");
        thread.setDaemon(true);
        thread.start();
    }

    public CompletableFuture<CommandResult> submit(CaseCommand command) {
        CompletableFuture<CommandResult> f = new CompletableFuture<>();
        if (!running) f.completeExceptionally(new IllegalStateException("case writer is stopped"));
        else queue.add(new Pending(command, f));
        return f;
    }

    /** True while journaled commands wait for the database. */
    public boolean degraded() {
        return journaled;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (journaled) replayIfDue();
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                handle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("case writer: unexpected error; batch failed", e);
                batch.forEach(p -> p.result.completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void handle(List<Pending> batch) {
        List<CaseCommand> cmds = batch.stream().map(Pending::command).toList();
        if (journaled) { // older commands still wait: keep the order by queueing behind them
            journalAll(batch);
            return;
        }
        try {
            List<CommandResult> results = applyInTransaction(cmds);
            for (int i = 0; i < batch.size(); i++) batch.get(i).result.complete(results.get(i));
        } catch (SQLException e) {
            if (Outages.isOutage(e, db)) {
                LOG.warn("database unreachable ({}); journaling {} command(s)", e.getMessage(), batch.size());
                nextReplayNanos = System.nanoTime() + retryInterval.toNanos();
                journalAll(batch);
            } else {
                LOG.error("batch failed ({}); applying its commands one by one", e.getMessage());
                batch.forEach(this::applyAlone);
            }
        }
    }

    private void applyAlone(Pending p) {
        try {
            p.result.complete(applyInTransaction(List.of(p.command)).get(0));
        } catch (SQLException e) {
            if (p.command.durable()) journal.reject(p.command, e.getMessage());
            p.result.complete(CommandResult.of(p.command.key(), Status.FAILED, e.getMessage()));
        }
    }

    private void journalAll(List<Pending> batch) {
        List<CaseCommand> durable = batch.stream().map(Pending::command).filter(CaseCommand::durable).toList();
        if (!durable.isEmpty()) {
            journal.append(durable);
            journaled = true;
        }
        for (Pending p : batch) {
            p.result.complete(CommandResult.of(p.command.key(), Status.JOURNALED, "database unreachable: journaled, applied when it returns"));
        }
    }

    /** Replays the whole journal in order, chunk by chunk; already applied chunks are skipped by their keys if it fails midway. */
    private void replayIfDue() {
        if (System.nanoTime() < nextReplayNanos) return;
        List<CaseCommand> all = journal.readAll();
        try {
            for (int i = 0; i < all.size(); i += MAX_BATCH) applyInTransaction(all.subList(i, Math.min(all.size(), i + MAX_BATCH)));
            journal.clear();
            journaled = false;
            LOG.info("database is back: replayed {} journaled command(s)", all.size());
        } catch (SQLException e) {
            nextReplayNanos = System.nanoTime() + retryInterval.toNanos();
            LOG.debug("journal replay deferred: {}", e.getMessage());
        }
    }

    private List<CommandResult> applyInTransaction(List<CaseCommand> cmds) throws SQLException {
        List<CommandResult> results;
        for (int attempt = 1; ; attempt++) {
            try {
                results = applyOnce(cmds);
                break;
            } catch (StaleIndexException e) {
                if (attempt == 3) throw e;
                LOG.warn("{}: reloading the case index and retrying the batch", e.getMessage());
            }
        }
        List<CaseChange> changes = new ArrayList<>();
        results.forEach(r -> changes.addAll(r.changes()));
        if (!changes.isEmpty()) {
            try {
                listener.accept(changes);
            } catch (RuntimeException e) {
                LOG.warn("case change listener failed", e);
            }
        }
        return results;
    }

    private List<CommandResult> applyOnce(List<CaseCommand> cmds) throws SQLException {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                List<CommandResult> results;
                try {
                    results = engine.apply(c, cmds);
                    c.commit();
                } catch (AssertionError e) { // pgjdbc asserts (with -ea) when the server vanishes mid-batch
                    throw new SQLRecoverableException("JDBC driver failed on a broken connection: " + e.getMessage(), e);
                }
                engine.committed();
                return results;
            } catch (SQLException | RuntimeException e) {
                // reload the index from the database next time: if the commit's outcome is unknown (connection lost),
                // only the database knows whether this batch's cases and marks landed
                engine.rolledBack(true);
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // the connection is gone; the transaction died with it
                }
                throw e;
            }
        }
    }

    /** Stops after writing what was already submitted. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
