package cn.xuncha.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.report.ReportRows.UnitRow;
import cn.xuncha.scan.CameraCheckRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Report figures from hand-made case histories: every count follows from the facts given here. */
class ReportBuilderTest {
    static final Instant T = Instant.parse("2025-03-12T18:30:00Z");
    static final Instant PREV = T.minus(Duration.ofDays(1));
    static final List<PointConfig> POINTS = List.of(point("A1", "甲街道"), point("A2", "甲街道"), point("B1", "乙街道"));

    static PointConfig point(String id, String unit) {
        return new PointConfig(id, "点位" + id, "street", unit, null, null,
                List.of(new CameraConfig(id + "-1", "c", "rtsp://x/" + id, Duration.ofSeconds(5), List.of())));
    }

    static CaseFact fact(long id, String point, String unit, String state, Instant first, Instant deadline, Long reboundOf, Instant closed) {
        return new CaseFact(id, point, point + "-1", unit, "exposed_garbage", state, first, deadline, false, reboundOf, closed);
    }

    static CameraCheckRow check(String point, String status) {
        return new CameraCheckRow(1, point + "-1", point, status, Double.NaN, Double.NaN, status, 3, 0, 0, null, T);
    }

    final List<CaseFact> cases = List.of(
            // 甲: one new tonight, one open overdue since two days, one rebound tonight, one closed tonight, one dismissed
            fact(1, "A1", "甲街道", "PENDING", T.minusSeconds(600), null, null, null),
            fact(2, "A1", "甲街道", "DISPATCHED", T.minus(Duration.ofDays(3)), T.minus(Duration.ofDays(2)), null, null),
            fact(3, "A2", "甲街道", "PENDING", T.minusSeconds(300), null, 9L, null),
            fact(4, "A2", "甲街道", "CLOSED", T.minus(Duration.ofDays(5)), null, null, T.minusSeconds(3600)),
            fact(5, "A2", "甲街道", "DISMISSED", T.minusSeconds(200), null, null, T.minusSeconds(100)),
            // 乙: two closed yesterday-or-earlier (rate 100 %), nothing open
            fact(6, "B1", "乙街道", "CLOSED", T.minus(Duration.ofDays(4)), null, null, PREV.minusSeconds(60)),
            fact(7, "B1", "乙街道", "CLOSED", T.minus(Duration.ofDays(6)), null, null, T.minus(Duration.ofDays(3))));

    DailyReport build() {
        ReportBuilder.Night night = new ReportBuilder.Night(LocalDate.of(2025, 3, 13), PREV, T, 7L,
                List.of(check("A1", "OK"), check("A2", "COVERED"), check("B1", "OFFLINE")));
        ReportBuilder.Night prev = new ReportBuilder.Night(LocalDate.of(2025, 3, 12), PREV.minus(Duration.ofDays(1)), PREV, 6L,
                List.of(check("A1", "OK"), check("A2", "OK"), check("B1", "OK")));
        List<ReportBuilder.Night> trend = new ArrayList<>();
        for (int i = 3; i >= 0; i--) {
            trend.add(new ReportBuilder.Night(LocalDate.of(2025, 3, 13).minusDays(i), null, T.minus(Duration.ofDays(i)), null, List.of()));
        }
        return new ReportBuilder(POINTS).build(night, prev, cases, trend, k -> new byte[] {1});
    }

    @Test
    void unitFiguresFollowFromTheCases() {
        DailyReport r = build();
        UnitRow jia = r.units().stream().filter(u -> u.unit().equals("甲街道")).findFirst().orElseThrow();
        Counts c = jia.now();
        assertEquals(2, c.newCases(), "cases 1 and 3; the dismissed one does not count");
        assertEquals(3, c.open(), "1, 2, 3");
        assertEquals(1, c.overdue(), "case 2: dispatched, deadline passed");
        assertEquals(1, c.rebounds(), "case 3");
        assertEquals(1, c.closed(), "case 4 closed tonight");
        assertEquals(1 / 4.0, c.rectificationRate(), 1e-9, "1 closed in 30 days / (1 + 3 open)");
        assertEquals(2, c.cameras());
        assertEquals(2, c.online());
        assertEquals(1, c.healthy());
        assertEquals(2, jia.previous().open(), "cases 2 and 4 were open last night");
    }

    @Test
    void rankingPutsTheBetterRectifierFirst() {
        DailyReport r = build();
        assertEquals(List.of("乙街道", "甲街道"), r.units().stream().map(UnitRow::unit).toList());
        assertEquals(1, r.units().get(0).rank());
        assertEquals(1.0, r.units().get(0).now().rectificationRate(), 1e-9);
        assertEquals(0.0, r.units().get(0).now().availability(), 1e-9, "乙's only camera is offline");
    }

    @Test
    void worstPointsAndFaultsAndTrend() {
        DailyReport r = build();
        assertEquals("A1", r.worst().get(0).pointId(), "A1: 2 open, 1 overdue");
        assertEquals(List.of("A2-1 遮挡"), r.points().get(1).cameraFaults());
        assertEquals(3, r.total().open());
        assertArrayEquals(new int[] {2, 2, 2, 3}, r.trend().openByUnit().get("甲街道"),
                "3 nights ago: 2,4 (1 not yet, 4 open); 2 nights: 2,4; yesterday: 2,4; tonight: 1,2,3");
        assertArrayEquals(new int[] {1, 1, 0, 0}, r.trend().openByUnit().get("乙街道"), "case 6 open until just before yesterday's report");
    }

    @Test
    void renderersCarryTheFigures() throws Exception {
        DailyReport r = build();
        String html = new HtmlReport(java.time.ZoneId.of("Asia/Shanghai")).render(r);
        assertTrue(html.contains("<svg") && html.contains("单位排名") && html.contains("甲街道"));
        assertTrue(html.contains("<td>25%</td>"), "甲's rectification rate");
        String csv = new String(new CsvReport().render(r), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF点位编号,点位名称,责任单位,新增问题"));
        assertTrue(csv.contains("A2,点位A2,甲街道,1,1,0,1,1,50%,100%,0/1,0,A2-1 遮挡"), csv);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(new XlsxReport().render(r)))) {
            var units = wb.getSheet(XlsxReport.UNITS);
            assertEquals("责任单位", units.getRow(0).getCell(1).getStringCellValue());
            assertEquals("乙街道", units.getRow(1).getCell(1).getStringCellValue());
            assertEquals(3.0, units.getRow(2).getCell(3).getNumericCellValue(), "甲 open");
            assertEquals(1, wb.getSheet(XlsxReport.TREND).getDrawingPatriarch().getCharts().size());
        }
    }

    @Test
    void csvNeverLetsACellBecomeAFormula() {
        assertEquals("'=HYPERLINK(1)", CsvReport.quote("=HYPERLINK(1)"));
        assertEquals("-3", CsvReport.quote("-3"));
        assertEquals("\"a,b\"", CsvReport.quote("a,b"));
    }
}
