package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.Suppression;
import cn.xuncha.cases.store.CaseStore;
import cn.xuncha.cases.store.SuppressionStore;
import cn.xuncha.cases.store.TrackMarks;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The case writer's in-memory view of what the rules consult for every finding: open cases, recently closed cases
 * and active suppressions per camera, case versions, and per-track marks. Loaded once from the database (so it is
 * right after a restart), changed only by committed batches ({@link BatchContext#commitTo}); confined to the writer thread.
 */
final class CaseIndex {
    /** Marks and applied-command keys older than this are forgotten: a replay never reaches that far back. */
    static final Duration MARK_RETENTION = Duration.ofDays(7);
    /** Expired suppressions and old closures stay this long, so journaled findings replayed late still see them. */
    static final Duration REPLAY_SLACK = Duration.ofDays(1);

    /** One camera's lists; copied before a batch changes them. */
    record Camera(List<CaseRecord> open, List<CaseRecord> closed, List<Suppression> suppressions) {
        static Camera empty() {
            return new Camera(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        Camera copy() {
            return new Camera(new ArrayList<>(open), new ArrayList<>(closed), new ArrayList<>(suppressions));
        }
    }

    final Map<String, Camera> cameras = new HashMap<>();
    final Map<Long, CaseRecord> open = new HashMap<>();
    final Map<Long, Long> versions = new HashMap<>();
    final Map<String, Instant> marks;
    private final CasesConfig config;

    private CaseIndex(CasesConfig config, Map<String, Instant> marks) {
        this.config = config;
        this.marks = marks;
    }

    static CaseIndex load(Connection c, CasesConfig config, Instant now) throws SQLException {
        CaseIndex ix = new CaseIndex(config, new TrackMarks().loadSince(c, now.minus(MARK_RETENTION)));
        CaseStore cases = new CaseStore();
        for (CaseRecord r : cases.openAll(c, ix.versions)) {
            ix.open.put(r.id(), r);
            ix.camera(r.cameraId()).open().add(r);
        }
        for (CaseRecord r : cases.closedSince(c, ix.closedHorizon(now))) ix.camera(r.cameraId()).closed().add(r);
        for (Suppression s : new SuppressionStore().activeSince(c, now.minus(REPLAY_SLACK))) ix.camera(s.cameraId()).suppressions().add(s);
        return ix;
    }

    Camera camera(String id) {
        return cameras.computeIfAbsent(id, k -> Camera.empty());
    }

    /** Drops what no finding can match any more; returns the horizon before which marks are forgotten. */
    Instant prune(Instant now) {
        Instant closedHorizon = closedHorizon(now);
        Instant supHorizon = now.minus(REPLAY_SLACK);
        for (Camera cam : cameras.values()) {
            cam.closed().removeIf(r -> r.closedAt() == null || r.closedAt().isBefore(closedHorizon));
            cam.suppressions().removeIf(s -> s.until().isBefore(supHorizon));
        }
        cameras.values().removeIf(cam -> cam.open().isEmpty() && cam.closed().isEmpty() && cam.suppressions().isEmpty());
        Instant markHorizon = now.minus(MARK_RETENTION);
        marks.values().removeIf(t -> t.isBefore(markHorizon));
        return markHorizon;
    }

    /** Dispatched open cases whose deadline passed and that are not marked overdue yet. */
    List<CaseRecord> newlyOverdue(Instant now) {
        return open.values().stream().filter(r -> r.state() == CaseState.DISPATCHED && !r.overdue() && r.isOverdueAt(now)).toList();
    }

    private Instant closedHorizon(Instant now) {
        return now.minus(config.reboundWindow()).minus(REPLAY_SLACK);
    }
}
