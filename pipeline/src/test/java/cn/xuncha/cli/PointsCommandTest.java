package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code points import|validate|list} end to end on files in a temp directory and on the committed seed registry. */
class PointsCommandTest {
    private static final Map<String, String> ENV = Map.of("CAM_USER", "viewer", "CAM_PASS", "pw-for-test");
    private static final String HEADER = "点位编号,点位名称,点位类型,责任单位,摄像头编号,视频地址\n";
    @TempDir Path dir;

    record Run(int code, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new PointsCommand(env)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path csv(String body) throws Exception {
        Path f = dir.resolve("台账.csv");
        Files.writeString(f, HEADER + body);
        return f;
    }

    private static Path seeds() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("seeds/points.yaml"))) return d.resolve("seeds/points.yaml");
        }
        throw new IllegalStateException("seeds/points.yaml not found");
    }

    @Test
    void importWritesARegistryThatValidates() throws Exception {
        Path out = dir.resolve("reg/points.yaml");
        Run r = run(ENV, "import", csv("A,李家村,村庄,高桥镇,A1,rtsp://${CAM_USER}:${CAM_PASS}@10.20.15.1/1\n").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out + ": 1 points, 1 cameras"), r.out());
        Run v = run(ENV, "validate", out.toString());
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().startsWith("OK " + out + ": 1 points, 1 cameras, 0 zones, 1 responsible units"), v.out());
        try (var files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temp file left behind");
        }
    }

    @Test
    void existingRegistryIsOnlyReplacedWithForceKeepingABackupAndZones() throws Exception {
        Path out = dir.resolve("points.yaml");
        String old = "points:\n  - {id: A, name: 李家村, type: 村庄, unit: 高桥镇, cameras: [{id: A1, url: \"rtsp://h/1\","
                + " zones: [{name: 村口, rule: no_parking, polygon: [[0, 0], [5, 0], [5, 5]]}]}, {id: OLD, url: \"rtsp://h/9\","
                + " zones: [{rule: ground, polygon: [[0, 0], [5, 0], [5, 5]]}]}]}\n";
        Files.writeString(out, old);
        Path sheet = csv("A,李家村,村庄,高桥镇,A1,rtsp://h/1\n,,,,A2,rtsp://h/2\n");

        Run refused = run(ENV, "import", sheet.toString(), "--out", out.toString());
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("refusing to overwrite"), refused.err());
        assertEquals(old, Files.readString(out));

        Run forced = run(ENV, "import", sheet.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals(old, Files.readString(dir.resolve("points.yaml.bak")));
        assertTrue(forced.out().contains("zones kept for 1 camera(s)"), forced.out());
        assertTrue(forced.err().contains("zones of cameras no longer in the sheet were dropped (still in points.yaml.bak): OLD"), forced.err());
        assertTrue(Files.readString(out).contains("name: 村口"));
    }

    @Test
    void badRowsWriteNothingAndExitTwo() throws Exception {
        Path out = dir.resolve("points.yaml");
        Run r = run(ENV, "import", csv("A,城南市场,农贸,城关街道,A1,rtsp://h/1\n").toString(), "--out", out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("row 2, 点位类型: unknown point type '农贸'"), r.err());
        assertTrue(r.err().contains("nothing written."), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void outDashPrintsTheYaml() throws Exception {
        Run r = run(ENV, "import", csv("A,李家村,村庄,高桥镇,A1,rtsp://admin:12345@h/1\n").toString(), "--out", "-");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("points:\n  - id: A\n"), r.out());
        assertTrue(r.err().contains("passwords in clear text in row(s) 2"), r.err());
    }

    @Test
    void seedRegistryValidatesWithCredentials() {
        Run r = run(ENV, "validate", seeds().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(": 83 points, 166 cameras"), r.out());
        assertTrue(r.out().contains("背街小巷 16"), r.out());
    }

    @Test
    void withoutFileTheProjectsSeedRegistryIsUsed() {
        String before = System.getProperty("xuncha.home");
        System.setProperty("xuncha.home", seeds().getParent().getParent().toString());
        try {
            Run r = run(ENV, "validate");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains(seeds() + ": 83 points"), r.out());
        } finally {
            if (before == null) System.clearProperty("xuncha.home");
            else System.setProperty("xuncha.home", before);
        }
    }

    @Test
    void missingCredentialsFailWithAHintOrPassWithLabelledPlaceholders() {
        Run fail = run(Map.of(), "validate", seeds().toString());
        assertEquals(2, fail.code());
        assertTrue(fail.err().contains("environment variable CAM_USER is not set: used at 166 place(s): points[0].cameras[0].url, "
                + "points[0].cameras[1].url, points[0].cameras[2].url, …"), fail.err());
        assertTrue(fail.err().lines().count() < 10, "one line per variable, not per camera:\n" + fail.err());
        assertTrue(fail.err().contains("hint: set CAM_PASS, CAM_USER in the environment, or add --allow-missing-env"), fail.err());

        Run ok = run(Map.of(), "validate", "--allow-missing-env", seeds().toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.err().contains("not set: CAM_PASS, CAM_USER"), ok.err());
        assertTrue(ok.out().startsWith("OK (with placeholders for unset variables)"), ok.out());
    }

    @Test
    void otherErrorsArePrintedWithTheirPathNextToTheUnsetVariables() throws Exception {
        Path f = dir.resolve("points.yaml");
        Files.writeString(f, "points:\n  - {id: A, name: a, type: 农贸, unit: u, cameras: [{id: A1, url: \"rtsp://${CAM_PASS}@h/1\"}]}\n"
                + "  - {id: B, name: b, type: 村庄, unit: u, colour: red, cameras: [{id: B1, url: \"rtsp://h/1\"}]}\n");
        Run r = run(Map.of(), "validate", f.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("invalid: " + f + ": 3 problem(s)\n"), r.err());
        assertTrue(r.err().contains("\n  points[0].type: unknown point type '农贸'"), r.err());
        assertTrue(r.err().contains("\n  points[1].colour: unknown key"), r.err());
        assertTrue(r.err().contains("environment variable CAM_PASS is not set: used at 1 place(s): points[0].cameras[0].url\n"), r.err());
        assertFalse(r.err().contains("malformed URL"), "follow-on error of the unset variable is left out:\n" + r.err());
    }

    @Test
    void listPrintsATableOrJsonLinesWithoutCredentials() throws Exception {
        Run table = run(ENV, "list", seeds().toString());
        assertEquals(0, table.code(), table.err());
        List<String> lines = table.out().lines().toList();
        assertEquals(84, lines.size());
        assertTrue(lines.get(0).matches("id\\s+name\\s+type\\s+unit\\s+cameras"), lines.get(0));
        // columns line up: "type" starts at the same display column in the header and in a Chinese row
        assertEquals(TextTable.width(lines.get(0).substring(0, lines.get(0).indexOf("type"))),
                TextTable.width(lines.get(1).substring(0, lines.get(1).indexOf("主次干道"))));

        Run json = run(ENV, "list", "--json", seeds().toString());
        assertEquals(0, json.code(), json.err());
        List<String> jl = json.out().lines().toList();
        assertEquals(83, jl.size());
        JsonNode first = new ObjectMapper().readTree(jl.get(0));
        assertEquals("GC001", first.get("id").asText());
        assertTrue(first.get("cameras").get(0).get("url").asText().startsWith("rtsp://***@10.20."), jl.get(0));
        assertFalse(json.out().contains("pw-for-test") || json.out().contains("viewer"));
        assertFalse(table.out().contains("pw-for-test"));
    }
}
