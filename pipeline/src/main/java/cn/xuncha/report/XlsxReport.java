package cn.xuncha.report;

import cn.xuncha.report.ReportRows.CameraRow;
import cn.xuncha.report.ReportRows.PointRow;
import cn.xuncha.report.ReportRows.UnitRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The XLSX morning report (Apache POI): one sheet per view with Chinese headers — 总体情况, 单位排名, 点位明细,
 * 摄像头, 趋势 (data and a native line chart), 问题突出点位 (thumbnails). Numbers stay numbers; rates are fractions
 * formatted as percentages.
 */
public final class XlsxReport {
    public static final String SUMMARY = "总体情况", UNITS = "单位排名", POINTS = "点位明细", CAMERAS = "摄像头", TREND = "趋势", WORST = "问题突出点位";

    public byte[] render(DailyReport r) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XlsxSheets s = new XlsxSheets(wb);
            summary(s, r);
            List<List<Object>> units = new ArrayList<>();
            for (UnitRow u : r.units()) units.add(row(List.of(u.rank(), u.unit()), u.now(), Columns.delta(u.now().open(), u.previous().open())));
            s.table(UNITS, Columns.UNIT, units);
            List<List<Object>> points = new ArrayList<>();
            for (PointRow p : r.points()) {
                List<Object> v = row(List.of(p.pointId(), p.name(), p.unit()), p.now(), Columns.delta(p.now().open(), p.previous().open()));
                v.add(String.join("；", p.cameraFaults()));
                points.add(v);
            }
            s.table(POINTS, Columns.POINT, points);
            List<List<Object>> cams = new ArrayList<>();
            for (CameraRow c : r.cameras()) cams.add(List.of(c.cameraId(), c.pointId(), c.unit(), c.statusLabel(), c.findings(), c.cleared(), c.detail()));
            s.table(CAMERAS, Columns.CAMERA, cams);
            trend(wb, s, r.trend());
            worst(wb, r);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void summary(XlsxSheets s, DailyReport r) {
        List<String> header = new ArrayList<>(List.of("", "日期"));
        header.addAll(Columns.COUNTS);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(List.of("本期", r.date().toString()), r.total(), null));
        rows.add(row(List.of("前一日", r.date().minusDays(1).toString()), r.totalPrevious(), null));
        s.table(SUMMARY, header, rows);
    }

    private static List<Object> row(List<Object> lead, Counts c, String delta) {
        List<Object> v = new ArrayList<>(lead);
        v.addAll(Columns.counts(c));
        if (delta != null) v.add(delta);
        return v;
    }

    private static void trend(XSSFWorkbook wb, XlsxSheets s, DailyReport.Trend t) {
        List<String> header = new ArrayList<>(List.of("日期"));
        header.addAll(t.openByUnit().keySet());
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < t.days().size(); i++) {
            List<Object> v = new ArrayList<>(List.of(t.days().get(i).toString()));
            for (int[] series : t.openByUnit().values()) v.add(series[i]);
            rows.add(v);
        }
        XSSFSheet sheet = s.table(TREND, header, rows);
        if (rows.isEmpty()) return;
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, header.size() + 1, 1, header.size() + 13, 24);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("各单位未整改问题趋势");
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<String> days = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, rows.size(), 0, 0));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        int col = 1;
        for (Map.Entry<String, int[]> e : t.openByUnit().entrySet()) {
            XDDFNumericalDataSource<Double> v = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, rows.size(), col, col));
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(days, v);
            series.setTitle(e.getKey(), new CellReference(sheet.getSheetName(), 0, col, true, true));
            series.setSmooth(false);
            col++;
        }
        chart.plot(data);
    }

    private static void worst(XSSFWorkbook wb, DailyReport r) {
        XSSFSheet sheet = wb.createSheet(WORST);
        XlsxSheets.header(wb, sheet, List.of("点位编号", "点位名称", "责任单位", "摄像头", "未整改", "超期", "反弹", "状态", "画面"));
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int rowIndex = 1;
        for (PointRow p : r.worst()) {
            for (CameraRow c : r.camerasOf(p.pointId())) {
                var row = sheet.createRow(rowIndex);
                row.setHeightInPoints(130);
                Object[] v = {p.pointId(), p.name(), p.unit(), c.cameraId(), p.now().open(), p.now().overdue(), p.now().rebounds(), c.statusLabel()};
                for (int i = 0; i < v.length; i++) XlsxSheets.set(row.createCell(i), v[i]);
                if (c.thumbnailJpeg() != null) {
                    int pic = wb.addPicture(c.thumbnailJpeg(), Workbook.PICTURE_TYPE_JPEG);
                    drawing.createPicture(drawing.createAnchor(0, 0, 0, 0, 8, rowIndex, 12, rowIndex + 1), pic);
                }
                rowIndex++;
            }
        }
        for (int i = 0; i < 8; i++) sheet.setColumnWidth(i, 14 * 256);
    }
}
