package cn.xuncha.cases.service;

import cn.xuncha.cases.CameraCases;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.Suppression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cases and suppressions of the cameras in one batch, kept current as the batch's commands change them. */
final class BatchContext {
    private final Map<String, List<CaseRecord>> open = new HashMap<>();
    private final Map<String, List<CaseRecord>> closed = new HashMap<>();
    private final Map<String, List<Suppression>> suppressions = new HashMap<>();
    /** changed cases to write back at the end of the batch, by id */
    final Map<Long, CaseRecord> dirty = new LinkedHashMap<>();

    BatchContext(List<CaseRecord> openCases, List<CaseRecord> closedCases, List<Suppression> active) {
        openCases.forEach(c -> list(open, c.cameraId()).add(c));
        closedCases.forEach(c -> list(closed, c.cameraId()).add(c));
        active.forEach(s -> list(suppressions, s.cameraId()).add(s));
    }

    CameraCases camera(String cameraId) {
        return new CameraCases(open.getOrDefault(cameraId, List.of()), closed.getOrDefault(cameraId, List.of()),
                suppressions.getOrDefault(cameraId, List.of()));
    }

    /** The batch's current version of a case, if the batch knows it. */
    CaseRecord known(long id) {
        CaseRecord d = dirty.get(id);
        if (d != null) return d;
        for (List<CaseRecord> l : open.values()) for (CaseRecord c : l) if (c.id() == id) return c;
        return null;
    }

    void created(CaseRecord c) {
        list(open, c.cameraId()).add(c);
    }

    /** Records a changed case: moves it between the open and closed views when its state says so. */
    void changed(CaseRecord c) {
        dirty.put(c.id(), c);
        list(open, c.cameraId()).removeIf(x -> x.id() == c.id());
        if (c.state().isOpen()) list(open, c.cameraId()).add(c);
        else if (c.state() == CaseState.CLOSED) list(closed, c.cameraId()).add(c);
    }

    void suppressed(Suppression s) {
        list(suppressions, s.cameraId()).add(s);
    }

    private static <T> List<T> list(Map<String, List<T>> m, String k) {
        return m.computeIfAbsent(k, x -> new ArrayList<>());
    }
}
