package cn.xuncha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/**
 * Login rate limit per user name and client address: after {@code maxFailures} failures within {@code window},
 * further attempts are refused until the oldest failure ages out. Kept in the database so every node agrees.
 */
public final class LoginThrottle {
    private final DataSource db;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(DataSource db, Clock clock, int maxFailures, Duration window) {
        this.db = db;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
    public long retryAfterSeconds(String user, String ip) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select failed_at from login_failures where user_name = ? and client_ip = ? and failed_at > ? order by failed_at desc")) {
            ps.setString(1, key(user));
            ps.setString(2, ip);
            ps.setObject(3, now.minus(window).atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                Instant oldestCounted = null;
                while (rs.next() && n < maxFailures) {
                    oldestCounted = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
                    n++;
                }
                if (n < maxFailures) return 0;
                return Math.max(1, Duration.between(now, oldestCounted.plus(window)).toSeconds() + 1);
            }
        }
    }

    public void recordFailure(String user, String ip) throws SQLException {
        Instant now = clock.instant();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into login_failures (user_name, client_ip, failed_at) values (?,?,?)")) {
                ps.setString(1, key(user));
                ps.setString(2, ip);
                ps.setObject(3, now.atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
            // keep the table small: rows older than a day can no longer matter
            try (PreparedStatement ps = c.prepareStatement("delete from login_failures where failed_at < ?")) {
                ps.setObject(1, now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
                ps.executeUpdate();
            }
        }
    }

    /** A successful login forgets that pair's failures. */
    public void clear(String user, String ip) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "delete from login_failures where user_name = ? and client_ip = ?")) {
            ps.setString(1, key(user));
            ps.setString(2, ip);
            ps.executeUpdate();
        }
    }

    /** Attackers may send any string as the name; store a bounded one. */
    private static String key(String user) {
        String u = user == null ? "" : user;
        return u.length() <= 64 ? u : u.substring(0, 64);
    }
}
