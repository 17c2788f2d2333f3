package cn.xuncha.cases.store;

import cn.xuncha.cases.CaseQuery;
import cn.xuncha.cases.CaseRecord;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.UnitCounts;
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
import java.util.Map;
import java.util.Set;
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

    /**
     * Writes back changed cases in JDBC batches, each only if its row still has the version the caller read
     * ({@code versions}, by id), bumping it. Cases in {@code sightingsOnly} changed only what a detection changes
     * (the common case), and get the narrow update.
     *
     * @throws StaleIndexException when a row was changed by another writer meanwhile (the caller reloads and retries)
     */
    public void updateAll(Connection c, Collection<CaseRecord> rows, Map<Long, Long> versions, Set<Long> sightingsOnly) throws SQLException {
        List<CaseRecord> sightings = new ArrayList<>();
        List<CaseRecord> full = new ArrayList<>();
        for (CaseRecord r : rows) (sightingsOnly.contains(r.id()) ? sightings : full).add(r);
        update(c, CaseRows.UPDATE_SIGHTING, sightings, versions, 11);
        update(c, CaseRows.UPDATE_VERSIONED, full, versions, 22);
    }

    private static void update(Connection c, String sql, List<CaseRecord> rows, Map<Long, Long> versions, int columns) throws SQLException {
        if (rows.isEmpty()) return;
        int[] counts;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (CaseRecord r : rows) {
                long v = versions.get(r.id());
                if (columns == 11) CaseRows.bindSighting(ps, r);
                else CaseRows.bind(ps, r);
                ps.setLong(columns + 1, v + 1);
                ps.setLong(columns + 2, r.id());
                ps.setLong(columns + 3, v);
                ps.addBatch();
            }
            counts = ps.executeBatch();
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) throw new StaleIndexException("case " + rows.get(i).id() + " was changed by another writer");
        }
    }

    public Optional<CaseRecord> find(Connection c, long id) throws SQLException {
        List<CaseRecord> l = query(c, CaseRows.SELECT + " where id = ?", List.of(id));
        return l.stream().findFirst();
    }

    /** A case with its row version (put into {@code versions}). */
    public Optional<CaseRecord> find(Connection c, long id, Map<Long, Long> versions) throws SQLException {
        List<CaseRecord> l = query(c, CaseRows.SELECT + " where id = ?", List.of(id), versions);
        return l.stream().findFirst();
    }

    /** All open cases with their row versions: the candidates new detections are deduplicated onto. */
    public List<CaseRecord> openAll(Connection c, Map<Long, Long> versions) throws SQLException {
        return query(c, CaseRows.SELECT + " where state in " + OPEN_STATES, List.of(), versions);
    }

    /** Cases closed since {@code since}: candidates for 反弹 rebound links. */
    public List<CaseRecord> closedSince(Connection c, Instant since) throws SQLException {
        return query(c, CaseRows.SELECT + " where state = 'CLOSED' and closed_at >= ?", List.of(since));
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

    /** Per-unit counts (one unit when {@code unit} is given), ordered by unit; overdue as of {@code now}. */
    public List<UnitCounts> countsByUnit(Connection c, String unit, Instant now) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(now));
        String sql = "select unit, sum(case when state in " + OPEN_STATES + " then 1 else 0 end), "
                + "sum(case when overdue or (state = 'DISPATCHED' and deadline < ?) then 1 else 0 end), "
                + "sum(case when rebound_of is not null then 1 else 0 end), sum(case when state = 'CLOSED' then 1 else 0 end) from cases";
        if (unit != null) {
            sql += " where unit = ?";
            args.add(unit);
        }
        sql += " group by unit order by unit";
        List<UnitCounts> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new UnitCounts(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
        }
        return out;
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
        return query(c, sql, args, null);
    }

    private static List<CaseRecord> query(Connection c, String sql, List<Object> args, Map<Long, Long> versions) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<CaseRecord> out = new ArrayList<>();
            while (rs.next()) {
                CaseRecord r = CaseRows.read(rs);
                if (versions != null) versions.put(r.id(), rs.getLong("version"));
                out.add(r);
            }
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
