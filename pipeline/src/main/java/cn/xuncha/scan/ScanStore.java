package cn.xuncha.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** JDBC access to {@code scan_runs} and {@code camera_checks}; thumbnails go to {@code dataDir/scans/<run id>/}. */
public final class ScanStore {
    private static final String RUN_COLS = "id, scan_date, trigger_kind, status, started_at, finished_at, cameras_total, cameras_failed, findings, cleared";
    private final DataSource db;
    private final Path scansDir;

    public ScanStore(DataSource db, Path dataDir) {
        this.db = db;
        this.scansDir = dataDir.resolve("scans");
    }

    public long start(LocalDate date, String trigger, Instant at, int cameras) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into scan_runs (scan_date, trigger_kind, status, started_at, cameras_total) values (?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            Sql.setDate(ps, 1, date);
            ps.setString(2, trigger);
            ps.setString(3, ScanRun.RUNNING);
            Sql.setTime(ps, 4, at);
            ps.setInt(5, cameras);
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        }
    }

    public void record(long scanId, CameraScanResult r) throws SQLException, IOException {
        String thumb = null;
        if (r.thumbnailJpeg() != null) {
            Path dir = scansDir.resolve(Long.toString(scanId));
            Files.createDirectories(dir);
            thumb = ReferenceStore.fileName(r.target().cameraId());
            Files.write(dir.resolve(thumb), r.thumbnailJpeg());
        }
        CheckVerdict fault = r.checks().fault().orElse(null);
        String detail = String.join("; ", r.checks().verdicts().stream().map(CheckVerdict::describe).toList())
                + (r.error() == null ? "" : "; error: " + r.error());
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("insert into camera_checks (scan_id, camera_id, "
                + "point_id, status, measured, threshold, detail, frames, findings, cleared, thumbnail, checked_at) values (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, scanId);
            ps.setString(2, r.target().cameraId());
            ps.setString(3, r.target().pointId());
            ps.setString(4, r.status());
            Sql.setDouble(ps, 5, fault == null ? Double.NaN : fault.measured());
            Sql.setDouble(ps, 6, fault == null ? Double.NaN : fault.threshold());
            ps.setString(7, detail.length() > 4000 ? detail.substring(0, 4000) : detail);
            ps.setInt(8, r.frames());
            ps.setInt(9, r.findings());
            ps.setInt(10, r.cleared());
            ps.setString(11, thumb);
            Sql.setTime(ps, 12, r.checkedAt());
            ps.executeUpdate();
        }
    }

    public void finish(long scanId, String status, Instant at, int failed, int findings, int cleared, String note) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "update scan_runs set status = ?, finished_at = ?, cameras_failed = ?, findings = ?, cleared = ?, note = ? where id = ?")) {
            ps.setString(1, status);
            Sql.setTime(ps, 2, at);
            ps.setInt(3, failed);
            ps.setInt(4, findings);
            ps.setInt(5, cleared);
            ps.setString(6, note);
            ps.setLong(7, scanId);
            ps.executeUpdate();
        }
    }

    /** The most recently started run, if any. */
    public Optional<ScanRun> latest() throws SQLException {
        return runs("select " + RUN_COLS + " from scan_runs order by started_at desc, id desc fetch first 1 rows only").stream().findFirst();
    }

    /** The last completed run of a scan date: the one a report for that date describes. */
    public Optional<ScanRun> lastDoneOn(LocalDate date) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select " + RUN_COLS
                + " from scan_runs where scan_date = ? and status = 'DONE' order by finished_at desc, id desc fetch first 1 rows only")) {
            Sql.setDate(ps, 1, date);
            return read(ps).stream().findFirst();
        }
    }

    public List<CameraCheckRow> checks(long scanId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select * from camera_checks where scan_id = ? order by point_id, camera_id")) {
            ps.setLong(1, scanId);
            try (ResultSet rs = ps.executeQuery()) {
                List<CameraCheckRow> out = new ArrayList<>();
                while (rs.next()) {
                    double m = rs.getDouble("measured");
                    m = rs.wasNull() ? Double.NaN : m;
                    double t = rs.getDouble("threshold");
                    t = rs.wasNull() ? Double.NaN : t;
                    out.add(new CameraCheckRow(scanId, rs.getString("camera_id"), rs.getString("point_id"), rs.getString("status"), m, t,
                            rs.getString("detail"), rs.getInt("frames"), rs.getInt("findings"), rs.getInt("cleared"),
                            rs.getString("thumbnail"), Sql.time(rs, "checked_at")));
                }
                return out;
            }
        }
    }

    /** The stored thumbnail of a camera check, if its file still exists. */
    public Optional<Path> thumbnail(CameraCheckRow row) {
        if (row.thumbnail() == null) return Optional.empty();
        Path p = scansDir.resolve(Long.toString(row.scanId())).resolve(row.thumbnail());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private List<ScanRun> runs(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            return read(ps);
        }
    }

    private static List<ScanRun> read(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            List<ScanRun> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ScanRun(rs.getLong("id"), Sql.date(rs, "scan_date"), rs.getString("trigger_kind"), rs.getString("status"),
                        Sql.time(rs, "started_at"), Sql.time(rs, "finished_at"), rs.getInt("cameras_total"), rs.getInt("cameras_failed"),
                        rs.getInt("findings"), rs.getInt("cleared")));
            }
            return out;
        }
    }
}
