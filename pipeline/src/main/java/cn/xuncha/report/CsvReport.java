package cn.xuncha.report;

import cn.xuncha.report.ReportRows.PointRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV morning report: the per-point view (each row names its unit), UTF-8 with a byte-order mark so that Excel
 * opens the Chinese headers correctly. Rates are percentages.
 */
public final class CsvReport {
    public byte[] render(DailyReport r) {
        StringBuilder s = new StringBuilder("\uFEFF");
        line(s, Columns.POINT);
        for (PointRow p : r.points()) {
            List<String> v = new ArrayList<>(List.of(p.pointId(), p.name(), p.unit()));
            List<Object> counts = Columns.counts(p.now());
            for (int i = 0; i < counts.size(); i++) v.add(Columns.text(i, counts.get(i)));
            v.add(Columns.delta(p.now().open(), p.previous().open()));
            v.add(String.join("；", p.cameraFaults()));
            line(s, v);
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder s, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) s.append(',');
            s.append(quote(cells.get(i)));
        }
        s.append("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never evaluates a cell as a formula. */
    static String quote(String v) {
        String t = v == null ? "" : v;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 && !t.matches("[-+]\\d+")) t = "'" + t;
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) t = "\"" + t.replace("\"", "\"\"") + "\"";
        return t;
    }
}
