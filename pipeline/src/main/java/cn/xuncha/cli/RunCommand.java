package cn.xuncha.cli;

import cn.xuncha.XunchaNode;
import cn.xuncha.config.XunchaConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code xuncha run}: the service on a given config until stopped. */
@Command(name = "run", description = "Run the service (ingest, analysis, cases, web) on a config file.")
public final class RunCommand implements Callable<Integer> {
    @Mixin ConfigOption config;

    @Override
    public Integer call() throws Exception {
        XunchaConfig cfg = config.loadOrReport();
        if (cfg == null) return 2;
        return ServiceRunner.runUntilStopped(cfg);
    }
}
