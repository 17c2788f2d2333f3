package cn.xuncha.cli;

import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.demo.DemoMedia;
import cn.xuncha.ingest.FfmpegLogging;
import cn.xuncha.review.DemoAccounts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code xuncha demo}: the whole service on embedded defaults with generated demo scenes as cameras. */
@Command(name = "demo", description = "Run the service with demo cameras (generated scenes), embedded DB under ./data, web on 127.0.0.1:8080.")
public final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        XunchaConfig cfg;
        try {
            cfg = ConfigLoader.loadFile(Home.path("seeds/demo.yaml"));
        } catch (ConfigException e) {
            System.err.println("xuncha: invalid demo configuration " + e.getMessage());
            return 2;
        }
        // the web answers at once; cameras whose clip is still being encoded (first run) retry until it appears
        int toMake = DemoMedia.outdated(Path.of(cfg.storage().dataDir())).size();
        if (toMake > 0) {
            // said up front, so the cameras' OFFLINE warnings of the first minute are not taken for a fault
            System.out.println("xuncha demo: first run: " + toMake + " demo clips are generated in the background (about 10 s each);"
                    + " their cameras show OFFLINE until each clip is ready");
        }
        return ServiceRunner.runUntilStopped(cfg, node -> {
            System.out.println("xuncha demo: log in at http://" + cfg.server().host() + ":" + node.httpPort() + "/ with one of these accounts:");
            try {
                for (DemoAccounts.Login login : DemoAccounts.ensure(node.review().users(), cfg)) System.out.println("  " + login);
            } catch (java.sql.SQLException e) {
                System.err.println("xuncha demo: cannot create demo accounts: " + e.getMessage());
            }
            Thread t = new Thread(() -> prepareMedia(cfg), "demo-media");
            t.setDaemon(true);
            t.start();
        });
    }

    private static void prepareMedia(XunchaConfig cfg) {
        try {
            FfmpegLogging.quiet(); // the encoder's banner is noise in a service log
            DemoMedia.prepare(Path.of(cfg.storage().dataDir()));
            System.out.println("xuncha demo: all demo scenes ready under " + cfg.storage().dataDir() + "/demo-media");
        } catch (RuntimeException e) {
            System.err.println("xuncha demo: cannot generate demo scenes: " + e.getMessage());
        }
    }
}
