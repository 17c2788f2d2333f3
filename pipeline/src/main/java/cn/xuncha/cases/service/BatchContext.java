package cn.xuncha.cases.service;

import cn.xuncha.cases.CameraCases;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.Suppression;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One batch's changes on top of the {@link CaseIndex}: cameras are copied when first touched, so a rolled-back
 * transaction leaves the index as it was; {@link #commitTo} publishes the changes once the transaction committed.
 */
final class BatchContext {
    private final CaseIndex index;
    private final Map<String, CaseIndex.Camera> touched = new HashMap<>();
    /** changed cases to write back at the end of the batch, by id */
    final Map<Long, CaseRecord> dirty = new LinkedHashMap<>();
    /** versions the batch expects in the database for the cases it changes */
    final Map<Long, Long> baseVersions = new HashMap<>();
    /** changed cases whose change is only a sighting or clearance (no state, unit, deadline, category change) */
    final Set<Long> sightingsOnly = new HashSet<>();
    /** track marks raised by this batch */
    final Map<String, Instant> marks = new HashMap<>();
    private final Map<Long, CaseRecord> created = new HashMap<>();

    BatchContext(CaseIndex index) {
        this.index = index;
    }

    CameraCases camera(String cameraId) {
        CaseIndex.Camera cam = touched.get(cameraId);
        if (cam == null) cam = index.cameras.get(cameraId);
        return cam == null ? CameraCases.EMPTY : new CameraCases(cam.open(), cam.closed(), cam.suppressions());
    }

    /** True when the finding at {@code at} is at or before its track's mark: applied already. */
    boolean alreadyApplied(String markKey, Instant at) {
        Instant m = marks.containsKey(markKey) ? marks.get(markKey) : index.marks.get(markKey);
        return m != null && !at.isAfter(m);
    }

    void mark(String markKey, Instant at) {
        marks.put(markKey, at);
    }

    /** The batch's current version of an open case, if the batch or the index knows it. */
    CaseRecord known(long id) {
        CaseRecord d = dirty.get(id);
        if (d != null) return d;
        d = created.get(id);
        return d != null ? d : index.open.get(id);
    }

    /** A case read from the database because the index did not hold it. */
    void loaded(CaseRecord c, long version) {
        baseVersions.putIfAbsent(c.id(), version);
    }

    void created(CaseRecord c) {
        created.put(c.id(), c);
        baseVersions.put(c.id(), 0L);
        touch(c.cameraId()).open().add(c);
    }

    /** Records a new sighting or clearance of an open case. */
    void sighted(CaseRecord c) {
        if (!dirty.containsKey(c.id())) sightingsOnly.add(c.id());
        record(c);
    }

    /** Records any other change of a case: moves it between the open and closed views when its state says so. */
    void changed(CaseRecord c) {
        sightingsOnly.remove(c.id());
        record(c);
    }

    private void record(CaseRecord c) {
        if (created.containsKey(c.id())) created.put(c.id(), c);
        dirty.put(c.id(), c);
        baseVersions.computeIfAbsent(c.id(), id -> index.versions.getOrDefault(id, 0L));
        CaseIndex.Camera cam = touch(c.cameraId());
        cam.open().removeIf(x -> x.id() == c.id());
        if (c.state().isOpen()) cam.open().add(c);
        else if (c.state() == CaseState.CLOSED) cam.closed().add(c);
    }

    void suppressed(Suppression s) {
        touch(s.cameraId()).suppressions().add(s);
    }

    /** Publishes the committed batch into the index: cameras, open cases, versions, marks. */
    void commitTo(CaseIndex ix) {
        ix.cameras.putAll(touched);
        for (CaseRecord c : created.values()) {
            ix.open.put(c.id(), c);
            ix.versions.put(c.id(), 0L);
        }
        for (CaseRecord c : dirty.values()) {
            if (c.state().isOpen()) {
                ix.open.put(c.id(), c);
                ix.versions.put(c.id(), baseVersions.get(c.id()) + 1);
            } else {
                ix.open.remove(c.id());
                ix.versions.remove(c.id());
            }
        }
        ix.marks.putAll(marks);
    }

    private CaseIndex.Camera touch(String cameraId) {
        return touched.computeIfAbsent(cameraId, k -> {
            CaseIndex.Camera cam = index.cameras.get(k);
            return cam == null ? CaseIndex.Camera.empty() : cam.copy();
        });
    }
}
