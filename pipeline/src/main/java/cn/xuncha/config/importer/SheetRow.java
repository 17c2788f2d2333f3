package cn.xuncha.config.importer;

import java.util.List;

/** One row of a spreadsheet: its 1-based number as the office sees it in Excel, and its cell texts. */
public record SheetRow(int number, List<String> cells) {
    public SheetRow {
        cells = List.copyOf(cells);
    }

    /** The trimmed text of a cell; "" for a missing cell or a negative index (column absent). */
    public String cell(int index) {
        return index < 0 || index >= cells.size() ? "" : cells.get(index).strip();
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
