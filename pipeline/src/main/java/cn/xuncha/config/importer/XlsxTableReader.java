package cn.xuncha.config.importer;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads one sheet of an .xlsx (or .xls) workbook with Apache POI: the first sheet, or one chosen by name or
 * 1-based number. Numbers are read at full precision (not as displayed), so coordinates keep their decimals.
 */
public final class XlsxTableReader {
    private XlsxTableReader() {}

    public static SheetTable read(Path file, String sheetName) throws IOException, ImportException {
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = pick(wb, sheetName);
            FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
            DataFormatter fmt = new DataFormatter();
            List<SheetRow> rows = new ArrayList<>();
            for (Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) cells.add(text(r.getCell(c), eval, fmt));
                rows.add(new SheetRow(r.getRowNum() + 1, cells));
            }
            return new SheetTable(rows, List.of("sheet '" + sheet.getSheetName() + "'"));
        } catch (org.apache.poi.EmptyFileException | org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
            throw ImportException.of(file + ": not an Excel workbook (" + e.getMessage() + ")");
        }
    }

    private static Sheet pick(Workbook wb, String name) throws ImportException {
        if (wb.getNumberOfSheets() == 0) throw ImportException.of("the workbook has no sheets");
        if (name == null) return wb.getSheetAt(0);
        Sheet s = wb.getSheet(name);
        if (s != null) return s;
        if (name.matches("\\d+")) {
            int i = Integer.parseInt(name) - 1;
            if (i >= 0 && i < wb.getNumberOfSheets()) return wb.getSheetAt(i);
        }
        List<String> names = new ArrayList<>();
        wb.forEach(sh -> names.add(sh.getSheetName()));
        throw ImportException.of("--sheet: no sheet '" + name + "' (sheets: " + String.join(", ", names) + ")");
    }

    private static String text(Cell cell, FormulaEvaluator eval, DataFormatter fmt) {
        if (cell == null) return "";
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? fmt.formatCellValue(cell, eval)
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getRichStringCellValue().getString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case ERROR -> fmt.formatCellValue(cell, eval);
            default -> "";
        };
    }
}
