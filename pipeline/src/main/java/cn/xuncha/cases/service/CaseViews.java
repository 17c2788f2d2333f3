package cn.xuncha.cases.service;

import cn.xuncha.cases.CaseEvent;
import cn.xuncha.cases.CaseRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public JSON shape of a case (API and CLI share it): plain maps of strings, numbers, booleans. */
public final class CaseViews {
    private CaseViews() {}

    public static Map<String, Object> summary(CaseRecord c, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("point", c.pointId());
        m.put("camera", c.cameraId());
        m.put("category", c.category().code());
        m.put("state", c.state().name());
        m.put("stateLabel", c.state().label());
        m.put("unit", c.unit());
        m.put("firstSeen", text(c.firstSeen()));
        m.put("lastSeen", text(c.lastSeen()));
        m.put("detections", c.detections());
        m.put("bestScore", c.bestScore());
        m.put("box", List.of(c.box().x(), c.box().y(), c.box().w(), c.box().h()));
        m.put("clearedAt", text(c.clearedAt()));
        m.put("deadline", text(c.deadline()));
        m.put("overdue", c.overdue() || c.isOverdueAt(now));
        m.put("rebound", c.rebound());
        m.put("reboundOf", c.reboundOf());
        if (c.detectedCategory() != c.category()) m.put("detectedCategory", c.detectedCategory().code());
        m.put("closedAt", text(c.closedAt()));
        m.put("updatedAt", text(c.updatedAt()));
        return m;
    }

    /** Summary plus audit history and evidence URLs ({@code urlPrefix + sha256 + ".jpg"}). */
    public static Map<String, Object> detail(CaseDetail d, Instant now, String urlPrefix) {
        Map<String, Object> m = summary(d.record(), now);
        List<Map<String, Object>> history = new ArrayList<>();
        for (CaseEvent e : d.history()) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("at", text(e.at()));
            h.put("actor", e.actor());
            h.put("action", e.action());
            h.put("from", e.from() == null ? null : e.from().name());
            h.put("to", e.to().name());
            h.put("note", e.note());
            history.add(h);
        }
        m.put("history", history);
        Map<String, Object> ev = new LinkedHashMap<>();
        d.evidence().forEach((k, sha) -> ev.put(k.name().toLowerCase(), urlPrefix + sha + ".jpg"));
        m.put("evidence", ev);
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
