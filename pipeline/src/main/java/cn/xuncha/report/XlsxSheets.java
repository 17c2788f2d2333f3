package cn.xuncha.report;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Writes header + rows tables into sheets; fractions in rate columns get a percentage format. */
final class XlsxSheets {
    private final XSSFWorkbook wb;
    private final CellStyle percent;

    XlsxSheets(XSSFWorkbook wb) {
        this.wb = wb;
        this.percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0%"));
    }

    XSSFSheet table(String name, List<String> headers, List<List<Object>> rows) {
        XSSFSheet sheet = wb.createSheet(name);
        header(wb, sheet, headers);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> v = rows.get(r);
            for (int c = 0; c < v.size(); c++) {
                Cell cell = row.createCell(c);
                set(cell, v.get(c));
                if (v.get(c) instanceof Double && headers.get(c).endsWith("率")) cell.setCellStyle(percent);
            }
        }
        for (int c = 0; c < headers.size(); c++) sheet.setColumnWidth(c, Math.min(60, Math.max(10, headers.get(c).length() * 3)) * 256);
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    static void header(XSSFWorkbook wb, XSSFSheet sheet, List<String> headers) {
        CellStyle style = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(style);
        }
    }

    static void set(Cell cell, Object v) {
        if (v == null) cell.setBlank();
        else if (v instanceof Number n) cell.setCellValue(n.doubleValue());
        else cell.setCellValue(v.toString());
    }
}
