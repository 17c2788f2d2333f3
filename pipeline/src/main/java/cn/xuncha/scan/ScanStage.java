package cn.xuncha.scan;

import cn.xuncha.config.XunchaConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;

/** The scan's parts assembled on a database and a cases gateway: what the verticle, the CLI and the bench share. */
public final class ScanStage implements AutoCloseable {
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scan-watchdog");
        t.setDaemon(true);
        return t;
    });
    private final ScanStore store;
    private final ReferenceStore references;
    private final Scanner scanner;

    public ScanStage(XunchaConfig config, ScanSettings settings, DataSource db, CaseGateway cases, ScanAnalyzer analyzer, Clock clock) {
        Path dataDir = Path.of(config.storage().dataDir());
        this.store = new ScanStore(db, dataDir);
        this.references = new ReferenceStore(db, dataDir);
        this.scanner = new Scanner(settings, new SourceGrabber(config.ingest(), settings, watchdog), references, analyzer, cases, store, clock);
    }

    public Scanner scanner() {
        return scanner;
    }

    public ScanStore store() {
        return store;
    }

    public ReferenceStore references() {
        return references;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }
}
