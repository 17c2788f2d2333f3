package cn.xuncha.cases.store;

import cn.xuncha.config.StorageConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** The connection pool over the configured JDBC URL (H2 file under dataDir by default, or PostgreSQL), migrated by Flyway. */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;
    private final boolean postgres;

    private Database(HikariDataSource pool, boolean postgres) {
        this.pool = pool;
        this.postgres = postgres;
    }

    /** Opens the pool and applies pending migrations; fails when the database cannot be reached now. */
    public static Database open(StorageConfig storage) {
        String url = storage.effectiveJdbcUrl();
        if (url.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(Path.of(storage.dataDir()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create data directory " + storage.dataDir() + ": " + e.getMessage(), e);
            }
        }
        boolean postgres = url.startsWith("jdbc:postgresql:");
        // migrate over plain driver connections, without a pool's timeout (an H2 file is created, a busy machine is slow) ...
        try {
            Flyway.configure().dataSource(url, storage.user(), storage.password()).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            throw new IllegalStateException("database " + storage + " unreachable or not migratable: " + rootMessage(e), e);
        }
        // ... then fail fast when a server goes down, so commands go to the journal instead of waiting 30 s
        // (a separate pool: HikariCP reads the connection timeout once, when the pool starts)
        return new Database(pool(storage, url, "xuncha-cases", postgres ? 1500 : 10_000, 6), postgres);
    }

    private static HikariDataSource pool(StorageConfig storage, String url, String name, long connectionTimeoutMs, int size) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(storage.user());
        hc.setPassword(storage.password());
        hc.setPoolName(name);
        hc.setMaximumPoolSize(size);
        hc.setConnectionTimeout(connectionTimeoutMs);
        hc.setValidationTimeout(1000);
        hc.setInitializationFailTimeout(-1);
        return new HikariDataSource(hc);
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public boolean isPostgres() {
        return postgres;
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) t = t.getCause();
        return t.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
