package cn.xuncha.cli;

import cn.xuncha.config.ConfigException;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code xuncha points validate [FILE]}: loads with the service's rules; OK with counts, or every error with its path. */
@Command(mixinStandardHelpOptions = true, name = "validate", description = "Check a registry (or service config) with the rules the service applies at startup.")
final class PointsValidateCommand implements Callable<Integer> {
    @ParentCommand PointsCommand parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "default: " + PointsCommand.DEFAULT_FILE)
    Path file;

    @Option(names = "--allow-missing-env", description = "check with labelled placeholders for unset $${VAR} references"
            + " (camera credentials) instead of failing; the service itself never does this")
    boolean allowMissingEnv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path f = RegistryFile.orDefault(file);
        RegistryFile loaded;
        try {
            loaded = RegistryFile.load(f, parent.env(), allowMissingEnv);
        } catch (ConfigException e) {
            return RegistryFile.report(f, e, err);
        }
        loaded.warnPlaceholders(err);
        XunchaConfig cfg = loaded.config();
        long zones = cfg.cameras().mapToLong(c -> c.zones().size()).sum();
        long units = cfg.points().stream().map(PointConfig::unit).distinct().count();
        out.printf("OK%s %s: %d points, %d cameras, %d zones, %d responsible units%n",
                loaded.placeholders().isEmpty() ? "" : " (with placeholders for unset variables)",
                f, cfg.points().size(), cfg.cameras().count(), zones, units);
        Map<String, Long> byType = cfg.points().stream().collect(Collectors.groupingBy(PointConfig::type, TreeMap::new, Collectors.counting()));
        out.println("  types: " + byType.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.flush();
        return 0;
    }
}
