package cn.xuncha.config.importer;

import cn.xuncha.config.PointConfig;
import java.util.List;

/**
 * A validated import: the points (URLs as written in the sheet), the registry YAML to write, warnings for the
 * user, how many cameras kept zones from the registry being replaced, and whether clear-text passwords remain.
 */
public record ImportResult(List<PointConfig> points, String yaml, List<String> warnings, int zonesKept, boolean clearTextCredentials) {
    public ImportResult {
        points = List.copyOf(points);
        warnings = List.copyOf(warnings);
    }

    public long cameraCount() {
        return points.stream().mapToLong(p -> p.cameras().size()).sum();
    }
}
