package cn.xuncha.cli;

import cn.xuncha.config.ConfigException;
import cn.xuncha.config.ConfigLoader;
import cn.xuncha.config.XunchaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --config FILE} option: ./xuncha.yaml if present, else the demo config under seeds/. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "service config (default: ./xuncha.yaml, else seeds/demo.yaml)")
    Path file;

    public Path path() {
        if (file != null) return file;
        Path local = Path.of("xuncha.yaml");
        return Files.exists(local) ? local : Home.path("seeds/demo.yaml");
    }

    /** Loads and validates; on errors prints every one with its path and returns null. */
    public XunchaConfig loadOrReport() {
        try {
            return ConfigLoader.loadFile(path());
        } catch (ConfigException e) {
            System.err.println("xuncha: invalid configuration " + e.getMessage());
            return null;
        }
    }
}
