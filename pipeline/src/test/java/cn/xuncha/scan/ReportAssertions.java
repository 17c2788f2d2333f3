package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.report.ReportFormat;
import cn.xuncha.report.ReportService;
import cn.xuncha.report.XlsxReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import cn.xuncha.cases.CaseRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What the morning reports of {@link ScanIT}'s nights must say, read back from the files. */
final class ReportAssertions {
    private ReportAssertions() {}

    /**
     * @param cases every case after night 4 (from the cases service: the figures the report must agree with)
     * @param night3End, night4End when those scans finished (the report period of night 4)
     */
    static void check(ReportService reports, LocalDate night1, List<CaseRecord> cases, Instant night3End, Instant night4End) throws Exception {
        LocalDate night2 = night1.plusDays(1), night4 = night1.plusDays(3);
        String html2 = Files.readString(reports.generate(night2, ReportFormat.HTML), StandardCharsets.UTF_8);
        for (String fault : new String[] {"遮挡", "模糊", "视角偏移", "过暗", "离线"}) assertTrue(html2.contains(fault), "night 2 lists " + fault);
        assertTrue(html2.contains("data:image/jpeg;base64,"), "thumbnails of the worst points / faulty cameras");

        // how many cases the bag gave (its own, a fragment, the pile beside it) depends on the live stream, so the
        // figures are counted from the cases themselves with the report's rules
        List<CaseRecord> p05 = cases.stream().filter(c -> c.pointId().equals("P05")).toList();
        long newN4 = p05.stream().filter(c -> c.firstSeen().isAfter(night3End) && !c.firstSeen().isAfter(night4End)).count();
        long rebounds = p05.stream().filter(c -> c.reboundOf() != null && c.firstSeen().isAfter(night3End)).count();
        long closed = p05.stream().filter(c -> c.closedAt() != null && c.closedAt().isAfter(night3End)
                && !c.closedAt().isAfter(night4End)).count();
        assertTrue(rebounds >= 1 && closed >= 1, "a rebound on night 4 of garbage closed after night 3: " + p05);
        assertEquals(newN4, rebounds, "the rebounds are the only new cases of night 4: " + p05);
        Path xlsx = reports.generate(night4, ReportFormat.XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Map<String, Row> units = rowsByKey(wb.getSheet(XlsxReport.UNITS), 1);
            assertEquals(3, units.size());
            Row dong = units.get("东城街道"); // P05 (rebound) belongs to it
            assertEquals(newN4, num(dong, "新增问题"));
            assertEquals(rebounds, num(dong, "反弹"));
            assertEquals(closed, num(dong, "本期销号"), "closed by the reviewers between nights 3 and 4");
            for (String unit : List.of("城关街道", "东城街道", "西城街道")) {
                long open = cases.stream().filter(c -> c.unit().equals(unit) && c.state().isOpen()).count();
                assertEquals(open, num(units.get(unit), "未整改"), unit + " open cases");
            }
            assertTrue(num(units.get("城关街道"), "未整改") >= 2, "garbage at both of P01's cameras");
            assertEquals("0", text(units.get("城关街道"), "未整改较前日"), "nothing opened or closed at P01 on night 4");
            assertEquals(0, num(units.get("西城街道"), "未整改"));
            Map<String, Row> cams = rowsByKey(wb.getSheet(XlsxReport.CAMERAS), 0);
            assertEquals(44, cams.size());
            assertEquals("离线", text(cams.get("P21-1"), "状态"));
            assertEquals("正常", text(cams.get("P10-1"), "状态"), "the covered camera is fine again on night 4");
            Sheet trend = wb.getSheet(XlsxReport.TREND);
            assertEquals(ReportService.TREND_NIGHTS, trend.getLastRowNum());
            assertEquals(night4.toString(), trend.getRow(trend.getLastRowNum()).getCell(0).getStringCellValue());
            assertEquals(1, wb.getSheet(XlsxReport.TREND).getDrawingPatriarch().getCharts().size());
            assertTrue(wb.getSheet(XlsxReport.WORST).getPhysicalNumberOfRows() > 1, "worst points listed");
            assertTrue(wb.getAllPictures().size() > 0, "with thumbnails");
        }
        String csv = Files.readString(reports.generate(night4, ReportFormat.CSV), StandardCharsets.UTF_8);
        long p05open = cases.stream().filter(c -> c.pointId().equals("P05") && c.state().isOpen()).count();
        String p05row = "P05,点位P05,东城街道," + newN4 + "," + p05open + ",0," + rebounds + "," + closed + ",";
        assertTrue(csv.lines().anyMatch(l -> l.startsWith(p05row)), csv);
        assertTrue(reports.archive().find(night4, ReportFormat.CSV).isPresent());
        assertEquals(3, reports.archive().list(10).size(), "html of night 2, xlsx and csv of night 4");
    }

    private static Map<String, Row> rowsByKey(Sheet sheet, int keyColumn) {
        Map<String, Row> m = new HashMap<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) m.put(sheet.getRow(r).getCell(keyColumn).getStringCellValue(), sheet.getRow(r));
        return m;
    }

    private static int column(Row row, String header) {
        Row h = row.getSheet().getRow(0);
        for (int c = 0; c < h.getLastCellNum(); c++) if (h.getCell(c).getStringCellValue().equals(header)) return c;
        throw new AssertionError("no column " + header);
    }

    private static int num(Row row, String header) {
        return (int) row.getCell(column(row, header)).getNumericCellValue();
    }

    private static String text(Row row, String header) {
        return row.getCell(column(row, header)).getStringCellValue();
    }
}
