package cn.xuncha.cli;

import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.analysis.CropClassifiers;
import cn.xuncha.cases.CasesConfig;
import cn.xuncha.cases.service.CaseService;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.report.ReportService;
import cn.xuncha.scan.ScanAnalyzers;
import cn.xuncha.scan.ScanSettings;
import cn.xuncha.scan.ScanStage;
import cn.xuncha.scan.ServiceCaseGateway;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The database, cases service, classifier and scan stage a scan or report command works with, closed together. */
final class ScanSession implements AutoCloseable {
    final XunchaConfig config;
    final ScanSettings settings;
    final Database db;
    final CaseService cases;
    final CropClassifier classifier;
    final ScanStage stage;
    final ReportService reports;

    ScanSession(XunchaConfig config, CasesConfig casesConfig, ScanSettings settings, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.db = Database.open(config.storage());
        Map<String, String> units = new HashMap<>();
        for (PointConfig p : config.points()) if (p.unit() != null) units.put(p.id(), p.unit());
        this.cases = new CaseService(db, Path.of(config.storage().dataDir()), casesConfig, units::get, clock, changes -> { });
        this.classifier = CropClassifiers.loadDefault();
        this.stage = new ScanStage(config, settings, db.dataSource(), new ServiceCaseGateway(cases),
                ScanAnalyzers.create(classifier, settings), clock);
        this.reports = new ReportService(config, db.dataSource(), stage.store(), settings.zone(), clock);
    }

    @Override
    public void close() {
        stage.close();
        cases.close();
        classifier.close();
        db.close();
    }
}
