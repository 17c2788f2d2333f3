package cn.xuncha.scan;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.IngestConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.ServerConfig;
import cn.xuncha.config.StorageConfig;
import cn.xuncha.config.XunchaConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A scan stage on an embedded H2 database with the real cases service, for integration tests and the bench. */
final class ScanRig implements AutoCloseable {
    final XunchaConfig config;
    final Database db;
    final CaseService cases;
    final ScanStage stage;

    ScanRig(Path dataDir, List<PointConfig> points, ScanSettings settings, ShiftedClock clock) {
        IngestConfig ingest = new IngestConfig(Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(8),
                Duration.ofSeconds(1), Duration.ofSeconds(10), true);
        config = new XunchaConfig(ServerConfig.DEFAULT, StorageConfig.embedded(dataDir.toString()), ingest, points);
        db = Database.open(config.storage());
        Map<String, String> units = points.stream().collect(Collectors.toMap(PointConfig::id, PointConfig::unit));
        Function<String, String> unitOf = units::get;
        cases = new CaseService(db, dataDir, CasesConfig.DEFAULT, unitOf, clock, changes -> { });
        stage = new ScanStage(config, settings, db.dataSource(), new ServiceCaseGateway(cases),
                new ReferenceModeAnalyzer(new EveryCropIsGarbage(), AnalyzerSettings.defaults()), clock);
    }

    static PointConfig point(String id, String unit, List<CameraConfig> cameras) {
        return new PointConfig(id, "点位" + id, "street", unit, null, null, cameras);
    }

    static CameraConfig camera(String id, String url) {
        return new CameraConfig(id, "摄像头" + id, url, Duration.ofSeconds(5), List.of());
    }

    @Override
    public void close() {
        stage.close();
        cases.close();
        db.close();
    }
}
