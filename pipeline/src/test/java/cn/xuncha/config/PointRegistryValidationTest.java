package cn.xuncha.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry rules the service applies at startup: every error with its path, unknown keys, limits, credentials. */
class PointRegistryValidationTest {
    private static final String SECRET = "s3cret-Pw9";
    private static final Map<String, String> ENV = Map.of("CAM_USER", "admin", "CAM_PASS", SECRET);
    @TempDir Path dir;

    static String camera(String id, String url) {
        return "      - id: " + id + "\n        url: \"" + url + "\"\n";
    }

    static String point(String id, String type, String cameras) {
        return "  - id: " + id + "\n    name: 点位" + id + "\n    type: " + type + "\n    unit: 城关街道\n    cameras:\n" + cameras;
    }

    static String okPoint(int i) {
        return point("P" + i, "背街小巷", camera("C" + i, "rtsp://10.20.1." + (i + 1) + ":554/Streaming/Channels/101"));
    }

    private List<PointConfig> load(String yaml) throws IOException {
        Path f = dir.resolve("points.yaml");
        Files.writeString(f, yaml);
        return new ConfigLoader(ENV).loadPoints(f, Duration.ofSeconds(5));
    }

    private Map<String, String> errors(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        return e.errors().stream().collect(Collectors.toMap(ConfigError::path, ConfigError::message, (a, b) -> a + " | " + b));
    }

    @Test
    void validPointGetsDefaults() throws IOException {
        PointConfig p = load("points:\n" + okPoint(0)).get(0);
        assertEquals("P0", p.id());
        assertEquals("背街小巷", p.type());
        assertNull(p.lat());
        CameraConfig c = p.cameras().get(0);
        assertEquals("C0", c.name(), "camera name defaults to its id");
        assertEquals(Duration.ofSeconds(5), c.sampleInterval(), "default interval applies");
        assertTrue(c.zones().isEmpty());
    }

    @Test
    void errorDeepInTheListNamesItsFullPath() {
        String yaml = "points:\n" + IntStream.range(0, 12).mapToObj(PointRegistryValidationTest::okPoint).collect(Collectors.joining())
                + point("P12", "农贸市场", camera("C12", "ftp://10.20.1.99/stream"));
        Map<String, String> errors = errors(yaml);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get("points[12].cameras[0].url").startsWith("unsupported scheme"), errors.toString());
    }

    @Test
    void everyErrorIsReportedInOneLoad() {
        String yaml = "points:\n"
                + point("A", "农贸", camera("A1", "rtsp://h/1"))
                + "  - id: B\n    type: 村庄\n    unit: 高桥镇\n    lat: 95\n    cameras:\n" + camera("B1", "rtsp://h/2")
                + point("C", "集镇", camera("C1", "rtsp://h/3") + "        sampleInterval: 50ms\n")
                + point("D", "车站", camera("bad id!", "rtsp:///nohost"));
        Map<String, String> errors = errors(yaml);
        assertTrue(errors.get("points[0].type").startsWith("unknown point type '农贸'"), errors.toString());
        assertEquals("required", errors.get("points[1].name"));
        assertEquals("must be between -90.0 and 90.0, got 95.0", errors.get("points[1].lat"));
        assertEquals("must be at least 100ms", errors.get("points[2].cameras[0].sampleInterval"));
        assertTrue(errors.get("points[3].cameras[0].id").contains("letters, digits"), errors.toString());
        assertTrue(errors.get("points[3].cameras[0].url").startsWith("missing host"), errors.toString());
        assertEquals(6, errors.size(), errors.toString());
    }

    @Test
    void unknownKeysAreRejectedAtEveryLevel() {
        String yaml = "pointz: 1\npoints:\n" + point("A", "车站", camera("A1", "rtsp://h/1")
                + "        rtsp_port: 554\n        zones:\n          - name: z\n            rule: ground\n"
                + "            polygon: [[0, 0], [10, 0], [10, 10]]\n            colour: red\n") + "    owner: 张三\n";
        Map<String, String> errors = errors(yaml);
        assertEquals(4, errors.size(), errors.toString());
        assertTrue(errors.get("pointz").startsWith("unknown key"), errors.toString());
        assertTrue(errors.get("points[0].owner").startsWith("unknown key (allowed: cameras, id, lat, lon, name, type, unit)"));
        assertTrue(errors.get("points[0].cameras[0].rtsp_port").startsWith("unknown key"));
        assertTrue(errors.get("points[0].cameras[0].zones[0].colour").startsWith("unknown key"));
    }

    @Test
    void duplicatePointAndCameraIdsAreErrors() {
        String yaml = "points:\n" + point("A", "车站", camera("X1", "rtsp://h/1"))
                + point("A", "车站", camera("X2", "rtsp://h/2")) + point("B", "车站", camera("X1", "rtsp://h/3"));
        Map<String, String> errors = errors(yaml);
        assertEquals("duplicate point id 'A'", errors.get("points[1].id"));
        assertEquals("duplicate camera id 'X1'", errors.get("points[2].cameras[0].id"));
        assertEquals(2, errors.size(), errors.toString());
    }

    @Test
    void aPointHasOneToThreeCameras() throws IOException {
        String three = camera("A1", "rtsp://h/1") + camera("A2", "rtsp://h/2") + camera("A3", "rtsp://h/3");
        assertEquals(3, load("points:\n" + point("A", "车站", three)).get(0).cameras().size());
        assertEquals("a point has 1 to 3 cameras, got 4",
                errors("points:\n" + point("A", "车站", three + camera("A4", "rtsp://h/4"))).get("points[0].cameras"));
        assertEquals("a point has 1 to 3 cameras, got 0",
                errors("points:\n  - {id: A, name: a, type: 车站, unit: u, cameras: []}\n").get("points[0].cameras"));
        assertEquals("required list is missing", errors("points:\n  - {id: A, name: a, type: 车站, unit: u}\n").get("points[0].cameras"));
    }

    private String withZone(String rule, String polygon) {
        return "points:\n" + point("A", "车站", camera("A1", "rtsp://h/1")
                + "        zones:\n          - rule: " + rule + "\n            polygon: " + polygon + "\n            dwell: 3m\n");
    }

    @Test
    void zonesNeedAKnownRuleAndAPolygonOfAtLeastThreePoints() throws IOException {
        ZoneConfig z = load(withZone("no_parking", "[[0, 600], [1920, 600], [1920, 1080]]")).get(0).cameras().get(0).zones().get(0);
        assertEquals(ZoneRule.NO_PARKING, z.rule());
        assertEquals(3, z.polygon().size());
        assertEquals(1920, z.polygon().get(1)[0]);
        assertEquals(Duration.ofMinutes(3), z.dwell());
        assertEquals("no_parking", z.name(), "zone name defaults to the rule");

        assertEquals("a polygon needs at least 3 points, got 2",
                errors(withZone("no_vending", "[[0, 0], [5, 5]]")).get("points[0].cameras[0].zones[0].polygon"));
        Map<String, String> bad = errors(withZone("parking", "[[0, 0], [5, -5], [7], [1, 1]]"));
        assertTrue(bad.get("points[0].cameras[0].zones[0].rule").startsWith("unknown rule 'parking'"), bad.toString());
        assertEquals("expected [x, y] with non-negative pixel coordinates", bad.get("points[0].cameras[0].zones[0].polygon[1]"));
        assertEquals("expected [x, y] with non-negative pixel coordinates", bad.get("points[0].cameras[0].zones[0].polygon[2]"));
        assertEquals(3, bad.size(), bad.toString());
    }

    @Test
    void environmentReferencesAreExpandedAndNeverShown() throws IOException {
        CameraConfig c = load("points:\n" + point("A", "车站", camera("A1", "rtsp://${CAM_USER}:${CAM_PASS}@10.20.1.2:554/Streaming/Channels/101")))
                .get(0).cameras().get(0);
        assertEquals("rtsp://admin:" + SECRET + "@10.20.1.2:554/Streaming/Channels/101", c.url(), "ingest needs the real URL");
        assertEquals("rtsp://***@10.20.1.2:554/Streaming/Channels/101", c.maskedUrl());
        assertFalse(c.toString().contains(SECRET), c.toString());
        assertFalse(c.toString().contains("admin"), c.toString());
    }

    @Test
    void unsetVariablesAreErrorsNamingTheVariable() {
        Path f = dir.resolve("p.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> {
            Files.writeString(f, "points:\n" + point("A", "车站", camera("A1", "rtsp://${CAM_USER}:${CAM_PASS}@10.20.1.2/1")));
            new ConfigLoader(Map.of("CAM_USER", "admin")).loadPoints(f, Duration.ofSeconds(5));
        });
        assertEquals(new ConfigError("points[0].cameras[0].url", "environment variable CAM_PASS is not set"), e.errors().get(0));
        // the unexpanded reference then also fails URL parsing; that follow-on error shows the URL masked
        e.errors().forEach(err -> assertEquals("points[0].cameras[0].url", err.path()));
        assertFalse(e.getMessage().contains("admin"), e.getMessage());
    }

    @Test
    void errorsAboutAUrlNeverRepeatItsPassword() {
        Map<String, String> errors = errors("points:\n" + point("A", "车站", camera("A1", "rtsp://admin:hunter2@bad host/1"))
                + point("B", "车站", camera("B1", "gopher://u:${CAM_PASS}@h/1")));
        assertEquals(2, errors.size(), errors.toString());
        errors.values().forEach(m -> assertFalse(m.contains("hunter2") || m.contains(SECRET), m));
        assertTrue(errors.get("points[0].cameras[0].url").contains("***@"), errors.toString());
    }

    @Test
    void maskHidesUserInfoAndSecretParameters() {
        assertEquals("rtsp://***@10.0.0.1:554/ch1", Credentials.mask("rtsp://admin:pw@10.0.0.1:554/ch1"));
        assertEquals("http://cam/snap.jpg?user=***&pwd=***&chn=1", Credentials.mask("http://cam/snap.jpg?user=admin&pwd=12345&chn=1"));
        assertEquals("https://h/s?token=***", Credentials.mask("https://h/s?token=abc"));
        assertEquals("rtsp://10.0.0.1/ch1", Credentials.mask("rtsp://10.0.0.1/ch1"));
        assertNull(Credentials.mask(null));
    }
}
