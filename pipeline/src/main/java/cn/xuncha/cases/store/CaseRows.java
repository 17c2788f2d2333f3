package cn.xuncha.cases.store;

import cn.xuncha.analysis.Box;
import cn.xuncha.analysis.Category;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps {@link CaseRecord} to and from rows of the {@code cases} table. */
final class CaseRows {
    static final String COLUMNS = "camera_id, point_id, category, detected_category, state, unit, track_id, box_x, box_y, box_w, box_h, "
            + "best_score, detections, first_seen, last_seen, cleared_at, deadline, overdue, rebound_of, appearance_hash, closed_at, updated_at";
    static final String SELECT = "select id, version, " + COLUMNS + " from cases";
    static final String INSERT = "insert into cases (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String UPDATE_VERSIONED = "update cases set " + COLUMNS.replace(", ", " = ?, ") + " = ?, version = ? where id = ? and version = ?";

    /** What a new sighting or a clearance changes; the rest of the row stays as it is. */
    static final String UPDATE_SIGHTING = "update cases set track_id = ?, box_x = ?, box_y = ?, box_w = ?, box_h = ?, best_score = ?, "
            + "detections = ?, first_seen = ?, last_seen = ?, cleared_at = ?, updated_at = ?, version = ? where id = ? and version = ?";

    private CaseRows() {}

    /** Binds the 11 columns of {@link #UPDATE_SIGHTING} starting at parameter 1. */
    static void bindSighting(PreparedStatement ps, CaseRecord c) throws SQLException {
        ps.setLong(1, c.trackId());
        ps.setInt(2, c.box().x());
        ps.setInt(3, c.box().y());
        ps.setInt(4, c.box().w());
        ps.setInt(5, c.box().h());
        ps.setDouble(6, c.bestScore());
        ps.setInt(7, c.detections());
        setTime(ps, 8, c.firstSeen());
        setTime(ps, 9, c.lastSeen());
        setTime(ps, 10, c.clearedAt());
        setTime(ps, 11, c.updatedAt());
    }

    /** Binds the 22 data columns in {@link #COLUMNS} order starting at parameter 1. */
    static void bind(PreparedStatement ps, CaseRecord c) throws SQLException {
        ps.setString(1, c.cameraId());
        ps.setString(2, c.pointId());
        ps.setString(3, c.category().code());
        ps.setString(4, c.detectedCategory().code());
        ps.setString(5, c.state().name());
        ps.setString(6, c.unit());
        ps.setLong(7, c.trackId());
        ps.setInt(8, c.box().x());
        ps.setInt(9, c.box().y());
        ps.setInt(10, c.box().w());
        ps.setInt(11, c.box().h());
        ps.setDouble(12, c.bestScore());
        ps.setInt(13, c.detections());
        setTime(ps, 14, c.firstSeen());
        setTime(ps, 15, c.lastSeen());
        setTime(ps, 16, c.clearedAt());
        setTime(ps, 17, c.deadline());
        ps.setBoolean(18, c.overdue());
        setLong(ps, 19, c.reboundOf());
        setLong(ps, 20, c.appearanceHash());
        setTime(ps, 21, c.closedAt());
        setTime(ps, 22, c.updatedAt());
    }

    static CaseRecord read(ResultSet rs) throws SQLException {
        return new CaseRecord(rs.getLong("id"), rs.getString("camera_id"), rs.getString("point_id"), category(rs.getString("category")),
                category(rs.getString("detected_category")), CaseState.valueOf(rs.getString("state")), rs.getString("unit"),
                rs.getLong("track_id"), new Box(rs.getInt("box_x"), rs.getInt("box_y"), rs.getInt("box_w"), rs.getInt("box_h")),
                rs.getDouble("best_score"), rs.getInt("detections"), time(rs, "first_seen"), time(rs, "last_seen"),
                time(rs, "cleared_at"), time(rs, "deadline"), rs.getBoolean("overdue"), nullableLong(rs, "rebound_of"),
                nullableLong(rs, "appearance_hash"), time(rs, "closed_at"), time(rs, "updated_at"));
    }

    static Category category(String code) {
        return Category.fromCode(code).orElseThrow(() -> new IllegalStateException("unknown category code in database: " + code));
    }

    static void setTime(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, t.atOffset(ZoneOffset.UTC));
    }

    static Instant time(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) ps.setNull(i, Types.BIGINT);
        else ps.setLong(i, v);
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }
}
