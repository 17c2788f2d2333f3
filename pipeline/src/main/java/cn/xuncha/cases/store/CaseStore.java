package cn.xuncha.cases.store;

import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** JDBC access to the {@code cases} table. Every method takes the caller's connection so the caller owns the transaction. */
public final class CaseStore {
    private static final String OPEN_STATES = "('PENDING','CONFIRMED','DISPATCHED','RECTIFIED')";

    public long insert(Connection c, CaseRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CaseRows.INSERT, Statement.RETURN_GENERATED_KEYS)) {
            CaseRows.bind(ps, r);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no id generated for new case");
                return keys.getLong(1);
            }
        }
    }

    /** Writes back changed cases in one JDBC batch. */
    public void updateAll(Connection c, Collection<CaseRecord> rows) throws SQLException {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(CaseRows.UPDATE)) {
            for (CaseRecord r : rows) {
                CaseRows.bind(ps, r);
                ps.setLong(23, r.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Optional<CaseRecord> find(Connection c, long id) throws SQLException {
        List<CaseRecord> l = query(c, CaseRows.SELECT + " where id = ?", List.of(id));
        return l.stream().findFirst();
    }

    /** Open cases of these cameras: the candidates a new detection is deduplicated onto. */
    public List<CaseRecord> openOf(Connection c, Collection<String> cameras) throws SQLException {
        if (cameras.isEmpty()) return List.of();
        return query(c, CaseRows.SELECT + " where camera_id in (" + marks(cameras.size()) + ") and state in " + OPEN_STATES,
                new ArrayList<>(cameras));
    }

    /** Cases of these cameras closed since {@code since}: candidates for 反弹 rebound links. */
    public List<CaseRecord> closedSince(Connection c, Collection<String> cameras, Instant since) throws SQLException {
        if (cameras.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>(cameras);
        args.add(since);
        return query(c, CaseRows.SELECT + " where camera_id in (" + marks(cameras.size()) + ") and state = 'CLOSED' and closed_at >= ?", args);
    }

    /** Dispatched cases whose deadline passed and that are not yet marked overdue. */
    public List<CaseRecord> newlyOverdue(Connection c, Instant now) throws SQLException {
        return query(c, CaseRows.SELECT + " where state = 'DISPATCHED' and overdue = false and deadline < ?", List.of(now));
    }

    public List<CaseRecord> list(Connection c, CaseQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = CaseRows.SELECT + where(q, args) + " order by first_seen " + (q.newestFirst() ? "desc" : "asc")
                + ", id " + (q.newestFirst() ? "desc" : "asc") + " offset " + q.offset() + " rows fetch next " + q.limit() + " rows only";
        return query(c, sql, args);
    }

    public int count(Connection c, CaseQuery q) throws SQLException {
        List<Object> args = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, "select count(*) from cases" + where(q, args), args); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String where(CaseQuery q, List<Object> args) {
        List<String> w = new ArrayList<>();
        if (q.state() != null) { w.add("state = ?"); args.add(q.state().name()); }
        if (q.unit() != null) { w.add("unit = ?"); args.add(q.unit()); }
        if (q.pointId() != null) { w.add("point_id = ?"); args.add(q.pointId()); }
        if (q.category() != null) { w.add("category = ?"); args.add(q.category().code()); }
        if (q.cameraId() != null) { w.add("camera_id = ?"); args.add(q.cameraId()); }
        return w.isEmpty() ? "" : " where " + String.join(" and ", w);
    }

    private static List<CaseRecord> query(Connection c, String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<CaseRecord> out = new ArrayList<>();
            while (rs.next()) out.add(CaseRows.read(rs));
            return out;
        }
    }

    static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant t) CaseRows.setTime(ps, i + 1, t);
            else ps.setObject(i + 1, a);
        }
        return ps;
    }

    static String marks(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}
