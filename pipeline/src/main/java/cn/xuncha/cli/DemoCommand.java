package cn.xuncha.cli;

import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
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
        return ServiceRunner.runUntilStopped(cfg);
    }
}
