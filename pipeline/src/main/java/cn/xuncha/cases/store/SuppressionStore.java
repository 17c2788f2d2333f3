package cn.xuncha.cases.store;

import cn.xuncha.analysis.Box;
import cn.xuncha.cases.Suppression;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Dismissed false alarms being suppressed ({@code suppressions}). */
public final class SuppressionStore {

    public long insert(Connection c, Suppression s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into suppressions (camera_id, box_x, box_y, box_w, box_h, appearance_hash, "
                + "source_case_id, created_at, until_at) values (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, s.cameraId());
            ps.setInt(2, s.box().x());
            ps.setInt(3, s.box().y());
            ps.setInt(4, s.box().w());
            ps.setInt(5, s.box().h());
            CaseRows.setLong(ps, 6, s.appearanceHash());
            ps.setLong(7, s.sourceCaseId());
            CaseRows.setTime(ps, 8, s.createdAt());
            CaseRows.setTime(ps, 9, s.until());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Suppressions of all cameras still active at {@code at} (or later). */
    public List<Suppression> activeSince(Connection c, Instant at) throws SQLException {
        try (PreparedStatement ps = CaseStore.prepare(c, "select id, camera_id, box_x, box_y, box_w, box_h, appearance_hash, source_case_id, "
                + "created_at, until_at from suppressions where until_at > ?", List.of(at));
             ResultSet rs = ps.executeQuery()) {
            List<Suppression> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Suppression(rs.getLong("id"), rs.getString("camera_id"),
                        new Box(rs.getInt("box_x"), rs.getInt("box_y"), rs.getInt("box_w"), rs.getInt("box_h")),
                        CaseRows.nullableLong(rs, "appearance_hash"), rs.getLong("source_case_id"),
                        CaseRows.time(rs, "created_at"), CaseRows.time(rs, "until_at")));
            }
            return out;
        }
    }

    public void countHits(Connection c, Collection<Long> ids) throws SQLException {
        if (ids.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement("update suppressions set hits = hits + 1 where id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
