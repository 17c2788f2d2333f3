package cn.xuncha.cases.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.CasesConfig.MqttConfig;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MqttTopicsTest {
    private static CaseChange change(String kind, boolean rebound) {
        return new CaseChange(7, kind, CaseState.PENDING, "litter", "cam-1", "P-1", "u", rebound);
    }

    @Test
    void newsEventsAreNewReboundOverdueAndStateOnly() {
        assertEquals("new", MqttTopics.eventOf(change("OPENED", false)));
        assertEquals("rebound", MqttTopics.eventOf(change("OPENED", true)));
        assertEquals("overdue", MqttTopics.eventOf(change("OVERDUE", false)));
        assertEquals("state", MqttTopics.eventOf(change("DISPATCH", false)));
        assertEquals("state", MqttTopics.eventOf(change("CLOSE", false)));
        assertNull(MqttTopics.eventOf(change("UPDATED", false)));
        assertNull(MqttTopics.eventOf(change("CLEARED", false)));
    }

    @Test
    void unitIsOneTopicLevel() {
        assertEquals("p/cases/环卫所/new", MqttTopics.topic("p", "环卫所", "new"));
        assertEquals("p/cases/a_b_c_/overdue", MqttTopics.topic("p", "a/b+c#", "overdue"));
        assertEquals("p/cases/" + MqttTopics.NO_UNIT + "/state", MqttTopics.topic("p", " ", "state"));
    }

    @Test
    void payloadNamesTheActionOfStateChanges() {
        Map<String, Object> m = MqttTopics.payload(change("CONFIRM", false), "state", Instant.EPOCH);
        assertEquals("CONFIRM", m.get("action"));
        assertEquals("1970-01-01T00:00:00Z", m.get("sentAt"));
        assertEquals(7L, ((Map<?, ?>) m.get("case")).get("id"));
        assertNull(MqttTopics.payload(change("OPENED", false), "new", Instant.EPOCH).get("action"));
    }

    @Test
    void configRejectsWildcardsAndBadPortsAndTrimsTheSlash() {
        assertThrows(IllegalArgumentException.class, () -> new MqttConfig("h", 1883, "a/#", null, null));
        assertThrows(IllegalArgumentException.class, () -> new MqttConfig("h", 0, "a", null, null));
        assertThrows(IllegalArgumentException.class, () -> new MqttConfig(" ", 1883, "a", null, null));
        assertEquals("a/b", new MqttConfig("h", 1883, "a/b/", null, null).topicPrefix());
        assertEquals("xuncha", new MqttConfig("h", 1883, null, null, null).topicPrefix());
    }
}
