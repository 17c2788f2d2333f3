package cn.xuncha.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The committed seeds/points.yaml: 83 points, 1–3 cameras each, credentials only as ${CAM_USER}/${CAM_PASS}. */
class SeedRegistryTest {
    private static final Map<String, String> ENV = Map.of("CAM_USER", "viewer", "CAM_PASS", "pw-for-test");

    static Path seeds() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path f = d.resolve("seeds/points.yaml");
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("seeds/points.yaml not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void seedRegistryHas83PointsWithOneToThreeCameras() {
        List<PointConfig> points = new ConfigLoader(ENV).loadPoints(seeds(), Duration.ofSeconds(5));
        assertEquals(83, points.size());
        assertEquals(166, points.stream().mapToInt(p -> p.cameras().size()).sum());
        Set<String> hosts = new HashSet<>();
        for (PointConfig p : points) {
            assertTrue(p.cameras().size() >= 1 && p.cameras().size() <= 3, p.id());
            assertTrue(PointTypes.ALL.contains(p.type()), p.type());
            for (CameraConfig c : p.cameras()) {
                assertTrue(c.url().contains("viewer:pw-for-test@10.20."), "credentials expanded into " + c.maskedUrl());
                assertTrue(hosts.add(c.url().replaceAll("^\\w+://[^@]*@([^:/]+).*$", "$1")), "one address per camera: " + c.maskedUrl());
            }
        }
        Map<String, Long> byType = points.stream().collect(Collectors.groupingBy(PointConfig::type, Collectors.counting()));
        assertTrue(byType.get("背街小巷") >= 10 && byType.get("老旧小区") >= 10 && byType.get("主次干道") >= 10, byType.toString());
        assertTrue(points.stream().map(PointConfig::unit).distinct().count() >= 8);
    }

    @Test
    void withoutCredentialsTheOnlyErrorsAreTheUnsetVariables() {
        ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(Map.of()).loadPoints(seeds(), Duration.ofSeconds(5)));
        // an unexpanded ${VAR} also makes the URL unparsable: that follow-on "malformed URL" error is expected too
        Set<String> messages = e.errors().stream().map(ConfigError::message).filter(m -> !m.startsWith("malformed URL"))
                .collect(Collectors.toSet());
        assertEquals(2 * 166, e.errors().stream().filter(err -> err.message().startsWith("environment variable")).count());
        assertEquals(Set.of("environment variable CAM_USER is not set", "environment variable CAM_PASS is not set"), messages);
        assertFalse(e.getMessage().contains("pw-for-test"));
    }
}
