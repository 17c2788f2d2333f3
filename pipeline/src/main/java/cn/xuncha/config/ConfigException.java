package cn.xuncha.config;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a configuration has one or more errors; carries all of them, not only the first. */
public class ConfigException extends RuntimeException {
    private final List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(source + ": " + errors.size() + " error(s)\n"
                + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ConfigError> errors() {
        return errors;
    }
}
