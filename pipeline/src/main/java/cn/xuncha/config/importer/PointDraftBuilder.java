package cn.xuncha.config.importer;

import cn.xuncha.config.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups camera rows into points. A row with a point id starts (or, if the id was seen, continues) that point;
 * a row whose point columns are all blank continues the point of the row above (merged cells read this way too).
 * Repeated point values must agree with the first row that gave them.
 */
final class PointDraftBuilder {
    private static final List<ImportColumn> POINT_VALUES =
            List.of(ImportColumn.NAME, ImportColumn.TYPE, ImportColumn.UNIT, ImportColumn.LAT, ImportColumn.LON);
    private final ImportHeader header;
    private final List<ImportProblem> problems;
    private final Map<String, PointDraft> byId = new LinkedHashMap<>();
    private PointDraft current;

    PointDraftBuilder(ImportHeader header, List<ImportProblem> problems) {
        this.header = header;
        this.problems = problems;
    }

    List<PointDraft> build(List<SheetRow> rows) {
        for (SheetRow r : rows) if (r.number() > header.rowNumber() && !r.isBlank()) row(r);
        return new ArrayList<>(byId.values());
    }

    private void row(SheetRow r) {
        String id = header.get(r, ImportColumn.ID);
        boolean pointColumns = POINT_VALUES.stream().anyMatch(c -> !header.get(r, c).isEmpty());
        if (!id.isEmpty()) {
            current = byId.computeIfAbsent(id, k -> new PointDraft(k, r.number()));
            for (ImportColumn c : POINT_VALUES) pointValue(r, c);
        } else if (pointColumns) {
            problem(r, ImportColumn.ID, "required: this row fills other point columns but has no point id");
            current = null;
            return;
        } else if (current == null) {
            problem(r, ImportColumn.ID, "required: no point above for this camera row to belong to");
            return;
        }
        camera(r);
    }

    private void pointValue(SheetRow r, ImportColumn c) {
        String v = header.get(r, c);
        if (v.isEmpty()) return;
        String first = current.values.get(c);
        if (first != null) {
            if (!same(c, first, v)) {
                problem(r, c, "'" + v + "' differs from '" + first + "' in row " + current.rowOf(c) + " for point " + current.id);
            }
            return;
        }
        current.values.put(c, v);
        current.valueRows.put(c, r.number());
        if (c == ImportColumn.LAT) current.lat = number(r, c, v);
        if (c == ImportColumn.LON) current.lon = number(r, c, v);
    }

    private static boolean same(ImportColumn c, String a, String b) {
        if (a.equals(b)) return true;
        if (c != ImportColumn.LAT && c != ImportColumn.LON) return false;
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Double number(SheetRow r, ImportColumn c, String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            problem(r, c, "expected a number, got '" + v + "'");
            return null;
        }
    }

    private void camera(SheetRow r) {
        String id = header.get(r, ImportColumn.CAMERA_ID);
        String name = header.get(r, ImportColumn.CAMERA_NAME);
        String url = header.get(r, ImportColumn.URL);
        String interval = header.get(r, ImportColumn.SAMPLE_INTERVAL);
        if (id.isEmpty() && name.isEmpty() && url.isEmpty() && interval.isEmpty()) return; // a point row without camera
        Duration every = null;
        if (!interval.isEmpty()) {
            try {
                every = Durations.parse(interval);
            } catch (IllegalArgumentException e) {
                problem(r, ImportColumn.SAMPLE_INTERVAL, e.getMessage());
            }
        }
        current.cameras.add(new PointDraft.Camera(r.number(), id, name.isEmpty() ? null : name, url, every));
    }

    private void problem(SheetRow r, ImportColumn c, String message) {
        problems.add(new ImportProblem(r.number(), header.name(c), message));
    }
}
