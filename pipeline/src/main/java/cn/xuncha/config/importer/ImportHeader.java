package cn.xuncha.config.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the header row (the first of the first 10 non-blank rows naming at least 3 known columns, so a title row
 * above it is fine) and maps each known column to its position and to the header text used in messages.
 */
final class ImportHeader {
    private static final int SEARCH_ROWS = 10;
    private final SheetRow row;
    private final Map<ImportColumn, Integer> index = new EnumMap<>(ImportColumn.class);
    private final Map<ImportColumn, String> text = new EnumMap<>(ImportColumn.class);

    private ImportHeader(SheetRow row) {
        this.row = row;
    }

    static ImportHeader find(List<SheetRow> rows, List<ImportProblem> problems, List<String> warnings) throws ImportException {
        int seen = 0;
        for (SheetRow r : rows) {
            if (r.isBlank()) continue;
            if (++seen > SEARCH_ROWS) break;
            long known = r.cells().stream().map(ImportColumn::of).filter(Optional::isPresent).count();
            if (known >= 3) return map(r, problems, warnings);
        }
        throw ImportException.of("no header row found in the first " + SEARCH_ROWS + " rows (expected columns such as "
                + ImportColumn.ID.label() + ", " + ImportColumn.TYPE.label() + ", " + ImportColumn.URL.label() + ")");
    }

    private static ImportHeader map(SheetRow r, List<ImportProblem> problems, List<String> warnings) {
        ImportHeader h = new ImportHeader(r);
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < r.cells().size(); i++) {
            String header = r.cell(i);
            if (header.isEmpty()) continue;
            Optional<ImportColumn> col = ImportColumn.of(header);
            if (col.isEmpty()) {
                ignored.add(header);
            } else if (h.index.containsKey(col.get())) {
                problems.add(new ImportProblem(r.number(), header, "same column as '" + h.text.get(col.get()) + "' ("
                        + col.get().label() + "); keep only one"));
            } else {
                h.index.put(col.get(), i);
                h.text.put(col.get(), header);
            }
        }
        for (ImportColumn c : ImportColumn.values()) {
            if (c.required() && !h.index.containsKey(c)) problems.add(new ImportProblem(r.number(), null, "missing column " + c.label()));
        }
        if (!ignored.isEmpty()) warnings.add("columns not imported (not part of the registry): " + String.join(", ", ignored));
        return h;
    }

    int rowNumber() {
        return row.number();
    }

    /** The header as written in the file, or the standard label when the column is absent. */
    String name(ImportColumn c) {
        return text.getOrDefault(c, c.label());
    }

    boolean has(ImportColumn c) {
        return index.containsKey(c);
    }

    String get(SheetRow r, ImportColumn c) {
        return r.cell(index.getOrDefault(c, -1));
    }
}
