package cn.xuncha.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a point registry ({@code points: [...]}) as readable YAML that {@link ConfigLoader#loadPoints} reads back.
 * URLs are written exactly as given, so pass raw values with {@code ${ENV}} references, never expanded secrets.
 * Null lat/lon/sampleInterval and empty zone lists are left out (the loader's defaults apply).
 */
public final class PointRegistryWriter {
    /** Explains the schema at the top of generated files, for whoever edits them by hand. */
    public static final String SCHEMA_HEADER = """
            Point registry (点位台账): one entry per national assessment point (国测点位).
              id            unique point id
              name          point name (点位名称)
              type          assessment point type (点位类型), one of:
                            %s
              unit          responsible unit (责任单位): a town/street office (镇/街道) or a department
              lat, lon      optional WGS-84 coordinates
              cameras       1 to 3 per point:
                id              unique camera id (letters, digits, '_', '.', '-')
                name            optional, defaults to the id
                url             rtsp://, rtsps://, http(s):// (MJPEG or JPEG snapshot) or file:
                                credentials come from environment variables: rtsp://${CAM_USER}:${CAM_PASS}@host/...
                                (the service refuses to start while a referenced variable is unset)
                sampleInterval  optional, e.g. 5s, 30s, 2m (default: ingest.sampleInterval)
                zones           optional polygons in the camera's pixel coordinates:
                  name            free text
                  rule            no_parking | no_vending | passage | ground | ignore
                  polygon         [[x, y], ...] with at least 3 points
                  dwell           how long an object may stay before it is flagged, e.g. 5m (default 5m)
            Check with: ./xuncha points validate FILE""".formatted(String.join("、", PointTypes.ALL));

    // plain YAML scalars only for text that cannot be read as anything but a string
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_\\-.()（）·、/ ]*");
    private static final Set<String> RESERVED = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

    private PointRegistryWriter() {}

    /** The registry as YAML, headed by {@code comment} (each line becomes a {@code #} comment; may be empty). */
    public static String write(List<PointConfig> points, String comment) {
        StringBuilder out = new StringBuilder();
        if (comment != null && !comment.isBlank()) {
            comment.lines().forEach(l -> out.append(l.isBlank() ? "#" : "# " + l.stripTrailing()).append('\n'));
            out.append('\n');
        }
        out.append("points:\n");
        for (PointConfig p : points) {
            out.append("  - id: ").append(scalar(p.id())).append('\n');
            field(out, "    ", "name", p.name());
            field(out, "    ", "type", p.type());
            field(out, "    ", "unit", p.unit());
            if (p.lat() != null) out.append("    lat: ").append(number(p.lat())).append('\n');
            if (p.lon() != null) out.append("    lon: ").append(number(p.lon())).append('\n');
            out.append("    cameras:\n");
            for (CameraConfig c : p.cameras()) camera(out, c);
        }
        return out.toString();
    }

    private static void camera(StringBuilder out, CameraConfig c) {
        out.append("      - id: ").append(scalar(c.id())).append('\n');
        if (c.name() != null && !c.name().equals(c.id())) field(out, "        ", "name", c.name());
        out.append("        url: ").append(quoted(c.url())).append('\n');
        if (c.sampleInterval() != null) out.append("        sampleInterval: ").append(Durations.format(c.sampleInterval())).append('\n');
        if (c.zones().isEmpty()) return;
        out.append("        zones:\n");
        for (ZoneConfig z : c.zones()) {
            out.append("          - name: ").append(scalar(z.name())).append('\n');
            out.append("            rule: ").append(z.rule().code()).append('\n');
            out.append("            polygon: [");
            for (int i = 0; i < z.polygon().size(); i++) {
                int[] xy = z.polygon().get(i);
                out.append(i == 0 ? "" : ", ").append('[').append(xy[0]).append(", ").append(xy[1]).append(']');
            }
            out.append("]\n");
            if (z.dwell() != null) out.append("            dwell: ").append(Durations.format(z.dwell())).append('\n');
        }
    }

    private static void field(StringBuilder out, String indent, String key, String value) {
        out.append(indent).append(key).append(": ").append(scalar(value)).append('\n');
    }

    private static String number(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Plain when unambiguous (Chinese names, ids like GC001), else double-quoted. */
    static String scalar(String s) {
        if (s == null) return "\"\"";
        boolean plain = PLAIN.matcher(s).matches() && !s.endsWith(" ") && !RESERVED.contains(s.toLowerCase(Locale.ROOT));
        return plain ? s : quoted(s);
    }

    static String quoted(String s) {
        if (s == null) return "\"\"";
        StringBuilder q = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7f) q.append(String.format("\\x%02x", (int) ch));
                    else q.append(ch);
                }
            }
        }
        return q.append('"').toString();
    }
}
