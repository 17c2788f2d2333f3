package cn.xuncha.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasesConfigYamlTest {
    @TempDir Path dir;

    private CasesConfig load(String yaml, Map<String, String> env) throws Exception {
        Path f = dir.resolve("x.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader(env).loadCases(f);
    }

    @Test
    void readsCasesSectionWithSecretFromEnvironment() throws Exception {
        CasesConfig c = load("""
                cases:
                  reboundWindow: 3d
                  suppression: 12h
                  matchIou: 0.4
                  retention: {CLOSED: 90d}
                  webhook: {url: "http://127.0.0.1:9/hook", secret: "${HOOK_SECRET}", maxAttempts: 3}
                """, Map.of("HOOK_SECRET", "abc"));
        assertEquals(Duration.ofDays(3), c.reboundWindow());
        assertEquals(Duration.ofHours(12), c.suppression());
        assertEquals(0.4, c.matchIou());
        assertEquals(Duration.ofDays(90), c.retention().get(CaseState.CLOSED));
        assertEquals(Duration.ofDays(30), c.retention().get(CaseState.DISMISSED), "default kept");
        assertEquals("abc", c.webhook().secret());
        assertEquals(3, c.webhook().maxAttempts());
    }

    @Test
    void missingSectionMeansDefaults() throws Exception {
        assertSame(CasesConfig.DEFAULT, load("server: {port: 8080}\n", Map.of()));
        assertNull(CasesConfig.DEFAULT.webhook());
    }

    @Test
    void everyErrorIsReportedWithItsPath() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("""
                cases:
                  reboundWindow: soon
                  retention: {OPEN: 3d}
                  webhook: {url: "ftp://x", secret: s}
                  colour: red
                """, Map.of()));
        String m = e.getMessage();
        assertTrue(m.contains("cases.reboundWindow") && m.contains("cases.retention.OPEN") && m.contains("cases.webhook")
                && m.contains("cases.colour"), m);
    }

    @Test
    void readsOptionalMqttSectionWithPasswordFromEnvironment() throws Exception {
        CasesConfig c = load("""
                cases:
                  mqtt: {host: 127.0.0.1, port: 1884, topicPrefix: city/xuncha, username: xc, password: "${MQTT_PW}"}
                """, Map.of("MQTT_PW", "pw"));
        assertEquals("127.0.0.1", c.mqtt().host());
        assertEquals(1884, c.mqtt().port());
        assertEquals("city/xuncha", c.mqtt().topicPrefix());
        assertEquals("xc", c.mqtt().username());
        assertEquals("pw", c.mqtt().password());
        assertEquals(1883, load("cases: {mqtt: {host: broker}}\n", Map.of()).mqtt().port(), "default port");
        assertNull(CasesConfig.DEFAULT.mqtt());
        ConfigException e = assertThrows(ConfigException.class, () -> load("cases: {mqtt: {port: 70000, topicPrefix: 'a/#', qos: 2}}\n", Map.of()));
        assertTrue(e.getMessage().contains("cases.mqtt.port") && e.getMessage().contains("cases.mqtt.qos")
                && e.getMessage().contains("cases.mqtt.host"), e.getMessage());
    }
}
