package cn.xuncha.config.importer;

import cn.xuncha.config.ConfigError;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a loader error on the generated registry ({@code points[3].cameras[1].url}) back to the row and column it came from. */
final class RegistryErrorMapper {
    private static final Pattern PATH = Pattern.compile("^points\\[(\\d+)](?:\\.cameras(?:\\[(\\d+)])?)?(?:\\.(\\w+))?.*$");
    private static final Map<String, ImportColumn> POINT_KEYS = Map.of("id", ImportColumn.ID, "name", ImportColumn.NAME,
            "type", ImportColumn.TYPE, "unit", ImportColumn.UNIT, "lat", ImportColumn.LAT, "lon", ImportColumn.LON);
    private static final Map<String, ImportColumn> CAMERA_KEYS = Map.of("id", ImportColumn.CAMERA_ID, "name", ImportColumn.CAMERA_NAME,
            "url", ImportColumn.URL, "sampleInterval", ImportColumn.SAMPLE_INTERVAL);
    private final List<PointDraft> drafts;
    private final ImportHeader header;

    RegistryErrorMapper(List<PointDraft> drafts, ImportHeader header) {
        this.drafts = drafts;
        this.header = header;
    }

    ImportProblem map(ConfigError e) {
        Matcher m = PATH.matcher(e.path());
        if (!m.matches() || Integer.parseInt(m.group(1)) >= drafts.size()) return new ImportProblem(0, e.path(), e.message());
        PointDraft p = drafts.get(Integer.parseInt(m.group(1)));
        boolean camerasPath = e.path().contains(".cameras");
        if (!camerasPath) {
            ImportColumn c = m.group(3) == null ? null : POINT_KEYS.get(m.group(3));
            return new ImportProblem(c == null ? p.row : p.rowOf(c), c == null ? null : header.name(c), e.message());
        }
        if (m.group(2) == null || Integer.parseInt(m.group(2)) >= p.cameras.size()) {
            return new ImportProblem(p.row, header.name(ImportColumn.CAMERA_ID), e.message() + " (point " + p.id + ")");
        }
        PointDraft.Camera cam = p.cameras.get(Integer.parseInt(m.group(2)));
        String key = m.group(3);
        ImportColumn c = key == null ? null : CAMERA_KEYS.get(key);
        String column = c != null ? header.name(c) : key == null ? null : key + " (kept from the existing registry)";
        return new ImportProblem(cam.row(), column, e.message());
    }
}
