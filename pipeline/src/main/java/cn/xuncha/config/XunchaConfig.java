package cn.xuncha.config;

import cn.xuncha.cases.CasesConfig;
import cn.xuncha.scan.ScanSettings;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole validated configuration: server, storage, ingest tuning, the point registry and the case rules. */
public record XunchaConfig(ServerConfig server, StorageConfig storage, IngestConfig ingest, List<PointConfig> points,
        CasesConfig cases, ScanSettings scan) {
    public XunchaConfig {
        points = List.copyOf(points);
        if (cases == null) cases = CasesConfig.DEFAULT;
        if (scan == null) scan = ScanSettings.DEFAULT;
    }

    /** With default case rules and scan schedule (tests, benches). */
    public XunchaConfig(ServerConfig server, StorageConfig storage, IngestConfig ingest, List<PointConfig> points) {
        this(server, storage, ingest, points, CasesConfig.DEFAULT, ScanSettings.DEFAULT);
    }

    public Stream<CameraConfig> cameras() {
        return points.stream().flatMap(p -> p.cameras().stream());
    }

    public Optional<PointConfig> pointOfCamera(String cameraId) {
        return points.stream().filter(p -> p.cameras().stream().anyMatch(c -> c.id().equals(cameraId))).findFirst();
    }
}
