package cn.xuncha.report;

import cn.xuncha.scan.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the case facts a report needs from the cases stage's {@code cases} table (read-only). */
public final class CaseFacts {
    private final DataSource db;

    public CaseFacts(DataSource db) {
        this.db = db;
    }

    /** Cases seen by {@code to} that were not closed before {@code from}: everything a report window can count. */
    public List<CaseFact> between(Instant from, Instant to) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id, point_id, camera_id, unit, category, state, first_seen, deadline, overdue, rebound_of, closed_at "
                        + "from cases where first_seen <= ? and (closed_at is null or closed_at > ?) order by id")) {
            Sql.setTime(ps, 1, to);
            Sql.setTime(ps, 2, from);
            try (ResultSet rs = ps.executeQuery()) {
                List<CaseFact> out = new ArrayList<>();
                while (rs.next()) {
                    long rebound = rs.getLong("rebound_of");
                    Long reboundOf = rs.wasNull() ? null : rebound;
                    out.add(new CaseFact(rs.getLong("id"), rs.getString("point_id"), rs.getString("camera_id"), rs.getString("unit"),
                            rs.getString("category"), rs.getString("state"), Sql.time(rs, "first_seen"), Sql.time(rs, "deadline"),
                            rs.getBoolean("overdue"), reboundOf, Sql.time(rs, "closed_at")));
                }
                return out;
            }
        }
    }
}
