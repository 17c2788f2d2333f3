package cn.xuncha.cases.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Per-track high-water marks of applied findings ({@code track_marks}), keyed {@code camera|track|category}. */
public final class TrackMarks {

    public static String key(String cameraId, long trackId, String category) {
        return cameraId + "|" + trackId + "|" + category;
    }

    /** Marks not older than {@code since}: a replay or re-delivery never reaches further back. */
    public Map<String, Instant> loadSince(Connection c, Instant since) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (PreparedStatement ps = CaseStore.prepare(c, "select camera_id, track_id, category, last_at from track_marks where last_at >= ?",
                List.of(since)); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(key(rs.getString(1), rs.getLong(2), rs.getString(3)), CaseRows.time(rs, "last_at"));
        }
        return out;
    }

    /** Writes the marks (update in place, insert where no row was there yet) in two JDBC batches. */
    public void save(Connection c, Map<String, Instant> marks) throws SQLException {
        if (marks.isEmpty()) return;
        List<Map.Entry<String, Instant>> rows = List.copyOf(marks.entrySet());
        int[] updated;
        try (PreparedStatement up = c.prepareStatement("update track_marks set last_at = ? where camera_id = ? and track_id = ? and category = ?")) {
            for (Map.Entry<String, Instant> e : rows) {
                CaseRows.setTime(up, 1, e.getValue());
                bindKey(up, 2, e.getKey());
                up.addBatch();
            }
            updated = up.executeBatch();
        }
        try (PreparedStatement ins = c.prepareStatement("insert into track_marks (last_at, camera_id, track_id, category) values (?,?,?,?)")) {
            boolean any = false;
            for (int i = 0; i < rows.size(); i++) {
                if (updated[i] != 0) continue; // SUCCESS_NO_INFO (-2) also means the row was there
                CaseRows.setTime(ins, 1, rows.get(i).getValue());
                bindKey(ins, 2, rows.get(i).getKey());
                ins.addBatch();
                any = true;
            }
            if (any) ins.executeBatch();
        }
    }

    public int purge(Connection c, Instant before) throws SQLException {
        try (PreparedStatement ps = CaseStore.prepare(c, "delete from track_marks where last_at < ?", List.of(before))) {
            return ps.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement ps, int first, String key) throws SQLException {
        int a = key.lastIndexOf('|');
        int b = key.lastIndexOf('|', a - 1);
        ps.setString(first, key.substring(0, b));
        ps.setLong(first + 1, Long.parseLong(key.substring(b + 1, a)));
        ps.setString(first + 2, key.substring(a + 1));
    }
}
