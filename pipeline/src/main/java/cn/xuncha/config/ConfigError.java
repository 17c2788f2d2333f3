package cn.xuncha.config;

/** One problem in a configuration file, with the path to the offending value (e.g. {@code points[12].cameras[0].url}). */
public record ConfigError(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
