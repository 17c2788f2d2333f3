package cn.xuncha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Per-user record of decisions taken in the web app ({@code decisions} table). Blocking JDBC. */
public final class DecisionStore {
    private final DataSource db;

    public DecisionStore(DataSource db) {
        this.db = db;
    }

    /** One decision as taken in the web app. */
    public record Decision(long caseId, String user, String action, String category, String note, Instant at) {}

    public void record(Decision d) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into decisions (case_id, user_name, action, category, note, decided_at) values (?,?,?,?,?,?)")) {
            ps.setLong(1, d.caseId());
            ps.setString(2, d.user());
            ps.setString(3, d.action());
            ps.setString(4, d.category());
            ps.setString(5, d.note() == null || d.note().length() <= 2000 ? d.note() : d.note().substring(0, 2000));
            ps.setObject(6, d.at().atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    /** How many decisions {@code user} took since {@code since}. */
    public int countSince(String user, Instant since) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from decisions where user_name = ? and decided_at >= ?")) {
            ps.setString(1, user);
            ps.setObject(2, since.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
