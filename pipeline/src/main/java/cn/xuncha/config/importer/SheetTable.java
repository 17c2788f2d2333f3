package cn.xuncha.config.importer;

import java.util.List;

/** The rows of one sheet (or CSV file) plus notes on how it was read (encoding, sheet name). */
public record SheetTable(List<SheetRow> rows, List<String> notes) {
    public SheetTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }
}
