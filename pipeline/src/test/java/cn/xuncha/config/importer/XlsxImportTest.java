package cn.xuncha.config.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.config.PointConfig;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workbooks as offices keep them: a title row, merged point cells, numbers shown rounded, several sheets. */
class XlsxImportTest {
    @TempDir Path dir;

    /** Writes a workbook; each row is a list of cells where Double values become numeric cells. */
    private Path workbook(String sheetName, List<List<Object>> rows, boolean mergePointCells) throws Exception {
        Path f = dir.resolve("点位台账.xlsx");
        try (Workbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            wb.createSheet("说明").createRow(0).createCell(0).setCellValue("填表说明: 每个摄像头一行");
            Sheet s = wb.createSheet(sheetName);
            CellStyle twoDecimals = wb.createCellStyle();
            twoDecimals.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            for (int i = 0; i < rows.size(); i++) {
                Row r = s.createRow(i);
                for (int c = 0; c < rows.get(i).size(); c++) {
                    Object v = rows.get(i).get(c);
                    if (v instanceof Double d) {
                        r.createCell(c).setCellValue(d);
                        r.getCell(c).setCellStyle(twoDecimals);
                    } else if (v != null) {
                        r.createCell(c).setCellValue((String) v);
                    }
                }
            }
            // point columns of the first point merged over its two camera rows, as offices like to do
            if (mergePointCells) for (int c = 0; c < 6; c++) s.addMergedRegion(new CellRangeAddress(2, 3, c, c));
            wb.write(out);
        }
        return f;
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }

    @Test
    void mergedPointCellsTitleRowAndFullPrecisionNumbers() throws Exception {
        Path f = workbook("点位", List.of(
                row("某某区创文国测点位视频监控台账"),
                row("点位编号", "点位名称", "点位类型", "责任单位", "纬度", "经度", "摄像头编号", "摄像头名称", "视频地址", "抽帧间隔"),
                row("GC001", "城南农贸市场", "农贸市场", "城关街道", 28.1234567, 112.9876543, "GC001-1", "正门", "rtsp://${CAM_USER}:${CAM_PASS}@10.20.11.1/1", 10.0),
                row(null, null, null, null, null, null, "GC001-2", "内场", "rtsp://${CAM_USER}:${CAM_PASS}@10.20.11.2/1", null),
                row("GC002", "高桥集镇", "集镇", "高桥镇", null, null, 101.0, null, "rtsp://10.20.15.1/1", null)), true);
        ImportResult r = PointsImporter.importFile(f, "点位", Map.of());
        assertEquals(2, r.points().size());
        PointConfig market = r.points().get(0);
        assertEquals(28.1234567, market.lat(), "not the rounded 28.12 the sheet displays");
        assertEquals(112.9876543, market.lon());
        assertEquals(2, market.cameras().size());
        assertEquals("10s", cn.xuncha.config.Durations.format(market.cameras().get(0).sampleInterval()));
        assertEquals("101", r.points().get(1).cameras().get(0).id(), "numeric camera id without .0");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("sheet '点位'")), r.warnings().toString());
    }

    @Test
    void badRowsUseExcelRowNumbers() throws Exception {
        Path f = workbook("Sheet1", List.of(
                row("id", "name", "type", "unit", "camera_id", "url"),
                row("A", "a", "村庄", "高桥镇", "A1", "rtsp://h/1"),
                row("B", "b", "农贸", "高桥镇", "B1", "rtsp://h/2")), false);
        ImportException e = assertThrows(ImportException.class, () -> PointsImporter.importFile(f, "2", Map.of()));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("row 3, type: unknown point type '农贸'"), e.getMessage());
    }

    @Test
    void unknownSheetListsTheSheets() throws Exception {
        Path f = workbook("点位", List.of(row("id")), false);
        ImportException e = assertThrows(ImportException.class, () -> PointsImporter.importFile(f, "Sheet9", Map.of()));
        assertEquals("--sheet: no sheet 'Sheet9' (sheets: 说明, 点位)", e.problems().get(0).message());
    }

    @Test
    void theFirstSheetIsTheDefault() throws Exception {
        Path f = workbook("点位", List.of(row("id")), false);
        ImportException e = assertThrows(ImportException.class, () -> PointsImporter.importFile(f, null, Map.of()));
        assertTrue(e.getMessage().contains("no header row found"), e.getMessage());
    }
}
