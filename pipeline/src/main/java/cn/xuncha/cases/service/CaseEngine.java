package cn.xuncha.cases.service;

import cn.xuncha.analysis.Evidence;
import cn.xuncha.analysis.Finding;
import cn.xuncha.cases.AppearanceHash;
import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CaseEvent;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseRules;
import cn.xuncha.cases.CaseTransitions;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.EvidenceKind;
import cn.xuncha.cases.FindingOutcome;
import cn.xuncha.cases.IllegalTransitionException;
import cn.xuncha.cases.Suppression;
import cn.xuncha.cases.TransitionResult;
import cn.xuncha.cases.service.CommandResult.Status;
import cn.xuncha.cases.store.AppliedCommands;
import cn.xuncha.cases.store.CaseHistoryStore;
import cn.xuncha.cases.store.CaseHistoryStore.EvidenceRef;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.EvidenceStore;
import cn.xuncha.cases.store.SuppressionStore;
import cn.xuncha.cases.store.TrackMarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a batch of commands in one transaction on the caller's connection: runs the pure rules against the
 * writer's {@link CaseIndex} (loaded on the first batch), writes the changes in JDBC batches. The caller reports the
 * outcome ({@link #committed()} / {@link #rolledBack}) so the index only ever holds committed state.
 * Throws SQLException (caller rolls back) only for database trouble. Confined to the writer thread.
 */
public final class CaseEngine {
    private final CasesConfig config;
    private final CaseRules rules;
    private final CaseTransitions transitions;
    private final Function<String, String> unitOfPoint;
    private final EvidenceStore evidence;
    private final Clock clock;
    private final CaseStore cases = new CaseStore();
    private final CaseHistoryStore history = new CaseHistoryStore();
    private final SuppressionStore suppressions = new SuppressionStore();
    private final AppliedCommands applied = new AppliedCommands();
    private final TrackMarks trackMarks = new TrackMarks();
    private CaseIndex index;
    private BatchContext pending;

    public CaseEngine(CasesConfig config, Function<String, String> unitOfPoint, EvidenceStore evidence, Clock clock) {
        this.config = config;
        this.rules = new CaseRules(config);
        this.transitions = new CaseTransitions(config);
        this.unitOfPoint = unitOfPoint;
        this.evidence = evidence;
        this.clock = clock;
    }

    public List<CommandResult> apply(Connection c, List<CaseCommand> batch) throws SQLException {
        if (index == null) index = CaseIndex.load(c, config, clock.instant());
        BatchContext ctx = new BatchContext(index);
        pending = ctx;
        List<String> transitionKeys = batch.stream().filter(x -> x instanceof CaseCommand.OfTransition).map(CaseCommand::key).toList();
        Set<String> done = applied.alreadyApplied(c, transitionKeys);
        Writes w = new Writes();
        List<CommandResult> results = new ArrayList<>(batch.size());
        for (CaseCommand cmd : batch) {
            if (cmd instanceof CaseCommand.OfFinding f) {
                String mark = TrackMarks.key(f.finding().cameraId(), f.finding().trackId(), f.finding().category().code());
                if (ctx.alreadyApplied(mark, f.finding().at())) {
                    results.add(CommandResult.of(cmd.key(), Status.DUPLICATE, "already applied"));
                    continue;
                }
                results.add(finding(c, f, ctx, w));
                ctx.mark(mark, f.finding().at());
            } else if (cmd instanceof CaseCommand.OfTransition t) {
                if (!done.add(cmd.key())) {
                    results.add(CommandResult.of(cmd.key(), Status.DUPLICATE, "already applied"));
                    continue;
                }
                CommandResult r = transition(c, t, ctx, w);
                if (r.status() == Status.APPLIED) w.keys.add(cmd.key());
                results.add(r);
            } else if (cmd instanceof CaseCommand.MarkOverdue o) {
                results.add(overdue(o, ctx, w));
            } else {
                results.add(prune(c, (CaseCommand.Prune) cmd));
            }
        }
        cases.updateAll(c, ctx.dirty.values(), ctx.baseVersions, ctx.sightingsOnly);
        history.addEvents(c, w.events);
        history.setEvidence(c, w.evidence.values());
        suppressions.countHits(c, w.hits);
        applied.record(c, w.keys, clock.instant());
        trackMarks.save(c, ctx.marks);
        return results;
    }

    /** The last batch committed: its changes become the index's. */
    public void committed() {
        if (pending != null) pending.commitTo(index);
        pending = null;
    }

    /** The last batch rolled back: forget its changes; {@code reload} when the index itself may be wrong (another writer). */
    public void rolledBack(boolean reload) {
        pending = null;
        if (reload) index = null;
    }

    private CommandResult finding(Connection c, CaseCommand.OfFinding cmd, BatchContext ctx, Writes w) throws SQLException {
        Finding f = cmd.finding();
        FindingOutcome o = rules.apply(f, ctx.camera(f.cameraId()), unitOfPoint.apply(f.pointId()),
                () -> f.evidence() == null ? null : AppearanceHash.of(f.evidence().cropJpeg()));
        List<CaseChange> changes = new ArrayList<>(1);
        if (o instanceof FindingOutcome.Opened op) {
            CaseRecord created = op.created().withId(cases.insert(c, op.created()));
            ctx.created(created);
            w.events.add(new CaseEvent(created.id(), f.at(), CaseEvent.SYSTEM, "OPENED", null, created.state(),
                    op.reboundOf() == null ? "" : "反弹 rebound of case " + op.reboundOf()));
            storeEvidence(w, created.id(), f.evidence(), f.at());
            changes.add(CaseChange.of("OPENED", created));
        } else if (o instanceof FindingOutcome.Updated u) {
            ctx.sighted(u.after());
            if (u.betterEvidence()) storeEvidence(w, u.after().id(), f.evidence(), f.at());
            if (u.before().clearedAt() != null) {
                w.events.add(new CaseEvent(u.after().id(), f.at(), CaseEvent.SYSTEM, "REAPPEARED", u.after().state(), u.after().state(),
                        "object seen again after clearance at " + u.before().clearedAt()));
                changes.add(CaseChange.of("UPDATED", u.after()));
            } else if (u.betterEvidence()) {
                changes.add(CaseChange.of("UPDATED", u.after()));
            }
        } else if (o instanceof FindingOutcome.Cleared cl) {
            ctx.sighted(cl.after());
            w.events.add(new CaseEvent(cl.after().id(), f.at(), CaseEvent.SYSTEM, "CLEARED", cl.after().state(), cl.after().state(),
                    "自动核查: camera no longer sees the object"));
            if (f.evidence() != null && f.evidence().frameJpeg() != null) {
                w.evidence(cl.after().id(), EvidenceKind.CLEARANCE, evidence.put(f.evidence().frameJpeg()), f.at());
            }
            changes.add(CaseChange.of("CLEARED", cl.after()));
        } else if (o instanceof FindingOutcome.Suppressed s) {
            w.hits.add(s.by().id());
        }
        return new CommandResult(cmd.key(), Status.APPLIED, changes, null, null);
    }

    private CommandResult transition(Connection c, CaseCommand.OfTransition cmd, BatchContext ctx, Writes w) throws SQLException {
        long id = cmd.request().caseId();
        CaseRecord current = ctx.known(id);
        if (current == null) { // not open (or written by someone else): read it, with its version
            Map<Long, Long> version = new HashMap<>(2);
            current = cases.find(c, id, version).orElse(null);
            if (current != null) ctx.loaded(current, version.get(id));
        }
        if (current == null) return CommandResult.of(cmd.key(), Status.NOT_FOUND, "no case with id " + id);
        TransitionResult r;
        try {
            r = transitions.apply(current, cmd.request(), cmd.at());
        } catch (IllegalTransitionException e) {
            return CommandResult.of(cmd.key(), Status.ILLEGAL_TRANSITION, e.getMessage());
        } catch (IllegalArgumentException e) {
            return CommandResult.of(cmd.key(), Status.INVALID, e.getMessage());
        }
        ctx.changed(r.after());
        w.events.add(r.event());
        if (r.suppression() != null) {
            Suppression s = r.suppression();
            long sid = suppressions.insert(c, s);
            ctx.suppressed(new Suppression(sid, s.cameraId(), s.box(), s.appearanceHash(), id, s.createdAt(), s.until()));
        }
        if (cmd.request().photoJpeg() != null && cmd.request().photoJpeg().length > 0) {
            w.evidence(id, EvidenceKind.RECTIFICATION, evidence.put(cmd.request().photoJpeg()), cmd.at());
        }
        return new CommandResult(cmd.key(), Status.APPLIED, List.of(CaseChange.of(cmd.request().action().name(), r.after())), r.after(), null);
    }

    private CommandResult overdue(CaseCommand.MarkOverdue cmd, BatchContext ctx, Writes w) {
        List<CaseChange> changes = new ArrayList<>();
        for (CaseRecord indexed : index.newlyOverdue(cmd.now())) {
            CaseRecord cur = ctx.known(indexed.id());
            if (!cur.isOverdueAt(cmd.now()) || cur.overdue()) continue;
            CaseRecord marked = cur.markedOverdue(cmd.now());
            ctx.changed(marked);
            w.events.add(new CaseEvent(marked.id(), cmd.now(), CaseEvent.SYSTEM, "OVERDUE", marked.state(), marked.state(),
                    "deadline " + marked.deadline() + " passed"));
            changes.add(CaseChange.of("OVERDUE", marked));
        }
        return new CommandResult(cmd.key(), Status.APPLIED, changes, null, null);
    }

    private CommandResult prune(Connection c, CaseCommand.Prune cmd) throws SQLException {
        Instant horizon = index.prune(cmd.now());
        int marks = trackMarks.purge(c, horizon);
        int keys = applied.purge(c, horizon);
        return CommandResult.of(cmd.key(), Status.APPLIED, "forgot " + marks + " track mark(s) and " + keys + " command key(s)");
    }

    private void storeEvidence(Writes w, long caseId, Evidence e, Instant at) {
        if (e == null) return;
        if (e.frameJpeg() != null) w.evidence(caseId, EvidenceKind.FRAME, evidence.put(e.frameJpeg()), at);
        if (e.cropJpeg() != null) w.evidence(caseId, EvidenceKind.CROP, evidence.put(e.cropJpeg()), at);
        if (e.referenceJpeg() != null) w.evidence(caseId, EvidenceKind.REFERENCE, evidence.put(e.referenceJpeg()), at);
    }

    /** Writes collected during a batch and flushed together at its end. */
    private static final class Writes {
        final List<CaseEvent> events = new ArrayList<>();
        final List<Long> hits = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
        /** latest evidence per case and kind: a batch that improves a case twice writes it once */
        final Map<String, EvidenceRef> evidence = new LinkedHashMap<>();

        void evidence(long caseId, EvidenceKind kind, String sha, Instant at) {
            evidence.put(caseId + "/" + kind, new EvidenceRef(caseId, kind, sha, at));
        }
    }
}
