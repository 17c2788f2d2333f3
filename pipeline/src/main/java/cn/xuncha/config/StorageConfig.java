package cn.xuncha.config;

/**
 * Where state lives: a data directory (evidence, journal, embedded DB) and a JDBC URL.
 * Default is an embedded H2 file under the data directory; PostgreSQL via {@code jdbc:postgresql://...}.
 */
public record StorageConfig(String dataDir, String jdbcUrl, String user, String password) {
    public static StorageConfig embedded(String dataDir) {
        return new StorageConfig(dataDir, null, "sa", "");
    }

    /** The JDBC URL to use: the configured one or an H2 file under the data directory. */
    public String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) return jdbcUrl;
        return "jdbc:h2:file:" + java.nio.file.Path.of(dataDir).toAbsolutePath().resolve("xuncha") + ";AUTO_SERVER=TRUE";
    }

    @Override
    public String toString() {
        return "StorageConfig[dataDir=" + dataDir + ", jdbcUrl=" + Credentials.mask(effectiveJdbcUrl()) + ", user=" + user + "]";
    }
}
