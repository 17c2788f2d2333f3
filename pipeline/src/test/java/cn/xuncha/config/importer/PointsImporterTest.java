package cn.xuncha.config.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV imports: headers in either language, continuation rows, every bad row located, output the loader accepts. */
class PointsImporterTest {
    static final String ZH_HEADER = "点位编号,点位名称,点位类型,责任单位,纬度,经度,摄像头编号,摄像头名称,视频地址,抽帧间隔（秒）\n";
    static final String URL = "rtsp://${CAM_USER}:${CAM_PASS}@10.20.11.";
    @TempDir Path dir;

    private Path csv(String text) throws Exception {
        Path f = dir.resolve("点位台账.csv");
        Files.writeString(f, "\uFEFF" + text, StandardCharsets.UTF_8);
        return f;
    }

    private ImportResult importCsv(String text) throws Exception {
        return PointsImporter.importFile(csv(text), null, Map.of());
    }

    private List<String> problems(String text) throws Exception {
        Path f = csv(text);
        ImportException e = assertThrows(ImportException.class, () -> PointsImporter.importFile(f, null, Map.of()));
        return e.problems().stream().map(ImportProblem::toString).toList();
    }

    /** The written YAML must load in the service with real credentials and give the same points. */
    private List<PointConfig> loadOutput(ImportResult r) throws Exception {
        Path out = dir.resolve("points.yaml");
        Files.writeString(out, r.yaml());
        return new ConfigLoader(Map.of("CAM_USER", "u", "CAM_PASS", "p")).loadPoints(out, Duration.ofSeconds(5));
    }

    @Test
    void chineseHeadersWithBlankAndRepeatedContinuationRows() throws Exception {
        ImportResult r = importCsv(ZH_HEADER
                + "GC001,城南农贸市场,农贸市场,城关街道,28.2012345,112.95,GC001-1,\"正门, 东侧\"," + URL + "1:554/Streaming/Channels/101,10\n"
                + ",,,,,,GC001-2,内场," + URL + "2:554/Streaming/Channels/101,\n"
                + "GC002,人民路(主干道),主次干道,区城管局,,,GC002-1,东段," + URL + "3:554/Streaming/Channels/101,5s\n"
                + "GC002,人民路(主干道),主次干道,区城管局,,,GC002-2,西段," + URL + "4:554/Streaming/Channels/101,\n"
                + ",,,,,,,,,\n");
        assertEquals(2, r.points().size());
        assertEquals(4, r.cameraCount());
        List<PointConfig> loaded = loadOutput(r);
        PointConfig market = loaded.get(0);
        assertEquals("城南农贸市场", market.name());
        assertEquals("城关街道", market.unit());
        assertEquals(28.2012345, market.lat());
        CameraConfig gate = market.cameras().get(0);
        assertEquals("正门, 东侧", gate.name());
        assertEquals(Duration.ofSeconds(10), gate.sampleInterval(), "a bare number means seconds");
        assertEquals("rtsp://u:p@10.20.11.1:554/Streaming/Channels/101", gate.url());
        assertEquals(Duration.ofSeconds(5), market.cameras().get(1).sampleInterval(), "blank interval: loader default");
        assertEquals(List.of("GC002-1", "GC002-2"), loaded.get(1).cameras().stream().map(CameraConfig::id).toList());
        assertNull(loaded.get(1).lat());
        assertTrue(r.yaml().contains("${CAM_PASS}"), "references stay references");
        assertFalse(r.clearTextCredentials());
    }

    @Test
    void englishHeadersBelowATitleRowAndExtraColumns() throws Exception {
        ImportResult r = importCsv("某某区国测点位清单,,,,,\n"
                + "ID,Name,Type,Unit,Camera ID,Stream URL,备注\n"
                + "V1,李家村,村庄,高桥镇,V1-1,http://10.20.15.9/ISAPI/Streaming/channels/101/picture,村口\n");
        assertEquals("李家村", loadOutput(r).get(0).name());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("备注")), r.warnings().toString());
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() throws Exception {
        List<String> p = problems(ZH_HEADER
                + ",,,,,,X0-1,,rtsp://10.0.0.1/1,\n"                                       // row 2: camera before any point
                + "GC001,城南市场,农贸,城关街道,abc,,C1,,rtsp://10.0.0.2/1,\n"               // row 3: type, lat
                + "GC002,解放路背街小巷,背街小巷,东城街道,,,C2,,rtsp://10.0.0.3/1,fast\n"    // row 4: interval
                + "GC002,解放路小巷,背街小巷,东城街道,,,C3,,ftp://10.0.0.4/1,\n"            // row 5: name differs, url scheme
                + "GC003,杨柳巷,背街小巷,西城街道,,,C2,,rtsp://10.0.0.5/1,\n"               // row 6: duplicate camera id
                + ",杨柳巷,,,,,C6,,,\n"                                                    // row 7: point value without id
                + "GC004,青石巷,背街小巷,南湖街道,,,A,,rtsp://h/1,\n,,,,,,B,,rtsp://h/2,\n,,,,,,C,,rtsp://h/3,\n,,,,,,D,,rtsp://h/4,\n"
                + "GC005,书院巷,背街小巷,南湖街道,,,E,,,\n");                                // row 12: no url
        List<String> expected = List.of(
                "row 2, 点位编号: required: no point above for this camera row to belong to",
                "row 3, 纬度: expected a number, got 'abc'",
                "row 3, 点位类型: unknown point type '农贸'",
                "row 4, 抽帧间隔（秒）: invalid duration 'fast'",
                "row 5, 点位名称: '解放路小巷' differs from '解放路背街小巷' in row 4 for point GC002",
                "row 5, 视频地址: unsupported scheme",
                "row 6, 摄像头编号: duplicate camera id 'C2'",
                "row 7, 点位编号: required: this row fills other point columns but has no point id",
                "row 8, 摄像头编号: a point has 1 to 3 cameras, got 4",
                "row 12, 视频地址: must not be empty");
        assertEquals(expected.size(), p.size(), String.join("\n", p));
        for (String e : expected) assertTrue(p.stream().anyMatch(s -> s.startsWith(e)), "missing: " + e + "\n" + String.join("\n", p));
    }

    @Test
    void missingRequiredColumnsAreNamed() throws Exception {
        List<String> p = problems("点位编号,点位名称,点位类型,摄像头编号\nA,a,村庄,A1\n");
        assertEquals(List.of("row 1: missing column 责任单位/unit", "row 1: missing column 视频地址/url"), p);
    }

    @Test
    void noHeaderRowIsAClearError() throws Exception {
        List<String> p = problems("foo,bar\n1,2\n");
        assertTrue(p.get(0).startsWith("no header row found"), p.toString());
    }

    @Test
    void clearTextPasswordsAreKeptButWarnedAbout() throws Exception {
        ImportResult r = importCsv(ZH_HEADER
                + "A,a,村庄,高桥镇,,,A1,,rtsp://admin:hk12345@10.20.15.1/1,\n"
                + "B,b,村庄,高桥镇,,,B1,,http://10.20.15.2/snap.jpg?user=admin&pwd=abc,\n"
                + "C,c,村庄,高桥镇,,,C1,,rtsp://${CAM_USER}:${CAM_PASS}@10.20.15.3/1,\n");
        assertTrue(r.clearTextCredentials());
        assertTrue(r.yaml().contains("rtsp://admin:hk12345@10.20.15.1/1"), "kept as in the sheet");
        String warning = r.warnings().stream().filter(w -> w.contains("clear text")).findFirst().orElseThrow();
        assertTrue(warning.contains("row(s) 2, 3;"), warning);
        assertFalse(warning.contains("hk12345") || warning.contains("pwd=abc"), warning);
    }

    @Test
    void zonesOfKnownCamerasAreCarriedOver() throws Exception {
        ZoneConfig zone = new ZoneConfig("门前禁摆区", ZoneRule.NO_VENDING, List.of(new int[] {0, 0}, new int[] {9, 0}, new int[] {9, 9}), Duration.ofMinutes(10));
        ImportResult r = PointsImporter.importFile(csv(ZH_HEADER + "A,a,农贸市场,城关街道,,,A1,,rtsp://h/1,\n,,,,,,A2,,rtsp://h/2,\n"),
                null, Map.of("A1", List.of(zone), "GONE", List.of(zone)));
        assertEquals(1, r.zonesKept());
        List<PointConfig> loaded = loadOutput(r);
        assertEquals("门前禁摆区", loaded.get(0).cameras().get(0).zones().get(0).name());
        assertTrue(loaded.get(0).cameras().get(1).zones().isEmpty());
    }

    @Test
    void onlySpreadsheetsAreAccepted() {
        ImportException e = assertThrows(ImportException.class, () -> {
            Path f = dir.resolve("points.json");
            Files.writeString(f, "{}");
            PointsImporter.importFile(f, null, Map.of());
        });
        assertTrue(e.getMessage().contains("expected a .xlsx, .xls or .csv file"), e.getMessage());
    }
}
