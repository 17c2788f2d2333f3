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
import cn.xuncha.cases.TransitionResult;
import cn.xuncha.cases.service.CommandResult.Status;
import cn.xuncha.cases.store.AppliedCommands;
import cn.xuncha.cases.store.CaseHistoryStore;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.EvidenceStore;
import cn.xuncha.cases.store.SuppressionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Applies a batch of commands in one transaction on the caller's connection: loads the cameras' cases once, runs the
 * pure rules, writes the changes back in JDBC batches. Throws SQLException (caller rolls back) only for database trouble.
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

    public CaseEngine(CasesConfig config, Function<String, String> unitOfPoint, EvidenceStore evidence, Clock clock) {
        this.config = config;
        this.rules = new CaseRules(config);
        this.transitions = new CaseTransitions(config);
        this.unitOfPoint = unitOfPoint;
        this.evidence = evidence;
        this.clock = clock;
    }

    public List<CommandResult> apply(Connection c, List<CaseCommand> batch) throws SQLException {
        Set<String> done = applied.alreadyApplied(c, batch.stream().map(CaseCommand::key).toList());
        Set<String> cameras = new HashSet<>();
        Instant earliest = null;
        for (CaseCommand cmd : batch) {
            if (cmd instanceof CaseCommand.OfFinding f) {
                cameras.add(f.finding().cameraId());
                if (earliest == null || f.finding().at().isBefore(earliest)) earliest = f.finding().at();
            }
        }
        Instant since = earliest == null ? clock.instant() : earliest;
        BatchContext ctx = new BatchContext(cases.openOf(c, cameras), cases.closedSince(c, cameras, since.minus(config.reboundWindow())),
                suppressions.activeOf(c, cameras, since));
        Writes w = new Writes();
        List<CommandResult> results = new ArrayList<>(batch.size());
        for (CaseCommand cmd : batch) {
            if (!done.add(cmd.key())) {
                results.add(CommandResult.of(cmd.key(), Status.DUPLICATE, "already applied"));
                continue;
            }
            CommandResult r;
            if (cmd instanceof CaseCommand.OfFinding f) r = finding(c, f, ctx, w);
            else if (cmd instanceof CaseCommand.OfTransition t) r = transition(c, t, ctx, w);
            else r = overdue(c, (CaseCommand.MarkOverdue) cmd, ctx, w);
            if (r.status() == Status.APPLIED && cmd.durable()) w.keys.add(cmd.key());
            results.add(r);
        }
        cases.updateAll(c, ctx.dirty.values());
        history.addEvents(c, w.events);
        suppressions.countHits(c, w.hits);
        applied.record(c, w.keys, clock.instant());
        return results;
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
            storeEvidence(c, created.id(), f.evidence(), f.at());
            changes.add(CaseChange.of("OPENED", created));
        } else if (o instanceof FindingOutcome.Updated u) {
            ctx.changed(u.after());
            if (u.betterEvidence()) storeEvidence(c, u.after().id(), f.evidence(), f.at());
            if (u.before().clearedAt() != null) {
                w.events.add(new CaseEvent(u.after().id(), f.at(), CaseEvent.SYSTEM, "REAPPEARED", u.after().state(), u.after().state(),
                        "object seen again after clearance at " + u.before().clearedAt()));
                changes.add(CaseChange.of("UPDATED", u.after()));
            } else if (u.betterEvidence()) {
                changes.add(CaseChange.of("UPDATED", u.after()));
            }
        } else if (o instanceof FindingOutcome.Cleared cl) {
            ctx.changed(cl.after());
            w.events.add(new CaseEvent(cl.after().id(), f.at(), CaseEvent.SYSTEM, "CLEARED", cl.after().state(), cl.after().state(),
                    "自动核查: camera no longer sees the object"));
            if (f.evidence() != null && f.evidence().frameJpeg() != null) {
                history.setEvidence(c, cl.after().id(), EvidenceKind.CLEARANCE, evidence.put(f.evidence().frameJpeg()), f.at());
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
        if (current == null) current = cases.find(c, id).orElse(null);
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
            long sid = suppressions.insert(c, r.suppression());
            ctx.suppressed(new cn.xuncha.cases.Suppression(sid, r.suppression().cameraId(), r.suppression().box(),
                    r.suppression().appearanceHash(), id, r.suppression().createdAt(), r.suppression().until()));
        }
        if (cmd.request().photoJpeg() != null && cmd.request().photoJpeg().length > 0) {
            history.setEvidence(c, id, EvidenceKind.RECTIFICATION, evidence.put(cmd.request().photoJpeg()), cmd.at());
        }
        return new CommandResult(cmd.key(), Status.APPLIED, List.of(CaseChange.of(cmd.request().action().name(), r.after())), r.after(), null);
    }

    private CommandResult overdue(Connection c, CaseCommand.MarkOverdue cmd, BatchContext ctx, Writes w) throws SQLException {
        List<CaseChange> changes = new ArrayList<>();
        for (CaseRecord stored : cases.newlyOverdue(c, cmd.now())) {
            CaseRecord cur = ctx.known(stored.id()) != null ? ctx.known(stored.id()) : stored;
            if (!cur.isOverdueAt(cmd.now()) || cur.overdue()) continue;
            CaseRecord marked = cur.markedOverdue(cmd.now());
            ctx.changed(marked);
            w.events.add(new CaseEvent(marked.id(), cmd.now(), CaseEvent.SYSTEM, "OVERDUE", marked.state(), marked.state(),
                    "deadline " + marked.deadline() + " passed"));
            changes.add(CaseChange.of("OVERDUE", marked));
        }
        return new CommandResult(cmd.key(), Status.APPLIED, changes, null, null);
    }

    private void storeEvidence(Connection c, long caseId, Evidence e, Instant at) throws SQLException {
        if (e == null) return;
        if (e.frameJpeg() != null) history.setEvidence(c, caseId, EvidenceKind.FRAME, evidence.put(e.frameJpeg()), at);
        if (e.cropJpeg() != null) history.setEvidence(c, caseId, EvidenceKind.CROP, evidence.put(e.cropJpeg()), at);
        if (e.referenceJpeg() != null) history.setEvidence(c, caseId, EvidenceKind.REFERENCE, evidence.put(e.referenceJpeg()), at);
    }

    /** Writes collected during a batch and flushed together at its end. */
    private static final class Writes {
        final List<CaseEvent> events = new ArrayList<>();
        final List<Long> hits = new ArrayList<>();
        final List<String> keys = new ArrayList<>();
    }
}
