package cn.xuncha.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Open cases per point for the board, in one grouped query over the cases table (read-only). Blocking JDBC. */
public final class OpenCaseCounts {
    private final DataSource db;

    public OpenCaseCounts(DataSource db) {
        this.db = db;
    }

    /** Counts of one point's open cases. */
    public record Counts(int pending, int confirmed, int dispatched, int rectified, int overdue, int rebound) {
        public int open() {
            return pending + confirmed + dispatched + rectified;
        }

        /** Worst first: overdue, rebound, waiting for someone, only awaiting close-out, nothing open. */
        public String worst() {
            if (overdue > 0) return "overdue";
            if (rebound > 0) return "rebound";
            if (pending + confirmed + dispatched > 0) return "open";
            if (rectified > 0) return "rectified";
            return "clear";
        }
    }

    public Map<String, Counts> byPoint(Instant now) throws SQLException {
        String sql = "select point_id, state, count(*), "
                + "sum(case when overdue or (state = 'DISPATCHED' and deadline < ?) then 1 else 0 end), "
                + "sum(case when rebound_of is not null then 1 else 0 end) "
                + "from cases where state in ('PENDING','CONFIRMED','DISPATCHED','RECTIFIED') group by point_id, state";
        Map<String, int[]> acc = new HashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, now.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int[] a = acc.computeIfAbsent(rs.getString(1), k -> new int[6]);
                    int i = switch (rs.getString(2)) {
                        case "PENDING" -> 0;
                        case "CONFIRMED" -> 1;
                        case "DISPATCHED" -> 2;
                        default -> 3;
                    };
                    a[i] += rs.getInt(3);
                    a[4] += rs.getInt(4);
                    a[5] += rs.getInt(5);
                }
            }
        }
        Map<String, Counts> out = new HashMap<>();
        acc.forEach((p, a) -> out.put(p, new Counts(a[0], a[1], a[2], a[3], a[4], a[5])));
        return out;
    }
}
