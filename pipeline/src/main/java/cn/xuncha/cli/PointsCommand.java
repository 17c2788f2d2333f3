package cn.xuncha.cli;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code xuncha points …}: the point registry (点位台账) — import from Excel/CSV, validate, list. */
@Command(mixinStandardHelpOptions = true, name = "points", description = "The point registry (点位台账): import from Excel/CSV, validate, list.",
        subcommands = {PointsImportCommand.class, PointsValidateCommand.class, PointsListCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 refused or unreadable file, 2 invalid data (every error is printed)."})
public final class PointsCommand implements Runnable {
    /** The registry the service ships with, relative to the project directory (-Dxuncha.home, set by ./xuncha). */
    static final String DEFAULT_FILE = "seeds/points.yaml";
    private final Map<String, String> env;
    @Spec CommandSpec spec;

    public PointsCommand() {
        this(System.getenv());
    }

    /** {@code env} replaces the process environment for ${VAR} expansion (tests). */
    public PointsCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    static Path defaultFile() {
        return Home.path(DEFAULT_FILE.toString());
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
