package cn.xuncha.cases.notify;

import cn.xuncha.cases.CaseAction;
import cn.xuncha.cases.CaseChange;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which case changes are published over MQTT, under which topic and with what JSON: events {@code new}, {@code rebound},
 * {@code overdue} and {@code state} (a person moved the case), on {@code <prefix>/cases/<unit>/<event>}.
 */
public final class MqttTopics {
    /** Units without a responsible unit yet are published under this topic level. */
    public static final String NO_UNIT = "_unassigned";
    private static final Set<String> ACTIONS = Arrays.stream(CaseAction.values()).map(Enum::name).collect(Collectors.toSet());

    private MqttTopics() {}

    /** The event a change is published as, or null when it is not news (a better sighting, a clearance). */
    public static String eventOf(CaseChange c) {
        if ("OPENED".equals(c.kind())) return c.rebound() ? "rebound" : "new";
        if ("OVERDUE".equals(c.kind())) return "overdue";
        return ACTIONS.contains(c.kind()) ? "state" : null;
    }

    /** {@code <prefix>/cases/<unit>/<event>}; a unit's own {@code / + #} become {@code _} so it stays one topic level. */
    public static String topic(String prefix, String unit, String event) {
        String level = unit == null || unit.isBlank() ? NO_UNIT : unit.trim().replaceAll("[/+#\\u0000]", "_");
        return prefix + "/cases/" + level + "/" + event;
    }

    /** The JSON body (as a map for the JSON encoder): event, time, and the case's summary. */
    public static Map<String, Object> payload(CaseChange c, String event, Instant sentAt) {
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("id", c.caseId());
        kase.put("state", c.state().name());
        kase.put("category", c.category());
        kase.put("camera", c.cameraId());
        kase.put("point", c.pointId());
        kase.put("unit", c.unit());
        kase.put("rebound", c.rebound());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event", event);
        if ("state".equals(event)) m.put("action", c.kind());
        m.put("sentAt", sentAt.toString());
        m.put("case", kase);
        return m;
    }
}
