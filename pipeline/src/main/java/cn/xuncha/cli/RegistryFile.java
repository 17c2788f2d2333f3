package cn.xuncha.cli;

import cn.xuncha.config.ConfigError;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.config.importer.PlaceholderEnv;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a registry (or a whole service config) for the points tools. With {@code allowMissingEnv}, unset ${VAR}
 * references get labelled placeholders so everything else can be checked on a machine without the passwords.
 */
record RegistryFile(XunchaConfig config, List<String> placeholders) {
    private static final Pattern UNSET = Pattern.compile("^environment variable (\\w+) is not set$");

    static RegistryFile load(Path file, Map<String, String> env, boolean allowMissingEnv) {
        if (!allowMissingEnv) return new RegistryFile(new ConfigLoader(env).load(file), List.of());
        PlaceholderEnv placeholders = new PlaceholderEnv(env);
        XunchaConfig cfg = new ConfigLoader(placeholders).load(file);
        return new RegistryFile(cfg, placeholders.substituted());
    }

    /** Prints the placeholder warning, if any placeholders were used. */
    void warnPlaceholders(PrintWriter err) {
        if (placeholders.isEmpty()) return;
        err.println("warning: environment variable(s) not set: " + String.join(", ", placeholders)
                + " — checked with placeholders (" + PlaceholderEnv.placeholder(placeholders.get(0)) + " …) because of"
                + " --allow-missing-env; the service will refuse this registry until they are set.");
    }

    /**
     * Prints every error with its path. Unset variables are summarised per variable (one line each instead of one per
     * camera) and the "malformed URL" each one causes at the same path is left out; everything else is printed as is.
     * Returns exit code 2.
     */
    static int report(Path file, ConfigException e, PrintWriter err) {
        Map<String, List<String>> unset = new TreeMap<>();
        for (ConfigError c : e.errors()) {
            Matcher m = UNSET.matcher(c.message());
            if (m.matches()) unset.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(c.path());
        }
        Set<String> unsetPaths = new HashSet<>();
        unset.values().forEach(unsetPaths::addAll);
        List<ConfigError> others = e.errors().stream().filter(c -> !UNSET.matcher(c.message()).matches())
                .filter(c -> !(unsetPaths.contains(c.path()) && c.message().startsWith("malformed URL"))).toList();
        err.println("invalid: " + file + ": " + (others.size() + unset.size()) + " problem(s)");
        unset.forEach((name, paths) -> err.println("  environment variable " + name + " is not set: used at " + paths.size()
                + " place(s): " + String.join(", ", paths.subList(0, Math.min(3, paths.size()))) + (paths.size() > 3 ? ", …" : "")));
        others.forEach(c -> err.println("  " + c));
        if (!unset.isEmpty()) {
            err.println("hint: set " + String.join(", ", unset.keySet()) + " in the environment, or add --allow-missing-env to check"
                    + " everything else with placeholders.");
        }
        err.flush();
        return 2;
    }

    static Path orDefault(Path file) {
        return file != null ? file : PointsCommand.defaultFile();
    }
}
