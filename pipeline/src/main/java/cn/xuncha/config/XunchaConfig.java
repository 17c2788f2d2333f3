package cn.xuncha.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The whole validated configuration: server, storage, ingest tuning and the point registry. */
public record XunchaConfig(ServerConfig server, StorageConfig storage, IngestConfig ingest, List<PointConfig> points) {
    public XunchaConfig {
        points = List.copyOf(points);
    }

    public Stream<CameraConfig> cameras() {
        return points.stream().flatMap(p -> p.cameras().stream());
    }

    public Optional<PointConfig> pointOfCamera(String cameraId) {
        return points.stream().filter(p -> p.cameras().stream().anyMatch(c -> c.id().equals(cameraId))).findFirst();
    }
}
