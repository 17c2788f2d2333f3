package cn.xuncha.config.importer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A point as gathered from its spreadsheet rows, remembering which row gave each value for error messages. */
final class PointDraft {
    /** One camera row. Blank name and interval are null (the loader's defaults apply). */
    record Camera(int row, String id, String name, String url, Duration sampleInterval) {}

    final String id;
    final int row;
    final Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
    final Map<ImportColumn, Integer> valueRows = new EnumMap<>(ImportColumn.class);
    final List<Camera> cameras = new ArrayList<>();
    Double lat;
    Double lon;

    PointDraft(String id, int row) {
        this.id = id;
        this.row = row;
    }

    String value(ImportColumn c) {
        return values.getOrDefault(c, "");
    }

    int rowOf(ImportColumn c) {
        return valueRows.getOrDefault(c, row);
    }
}
