package cn.xuncha.report;

import cn.xuncha.scan.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Past reports: files under {@code dataDir/reports} named by date and format, listed in {@code report_archive}. */
public final class ReportArchive {
    /** One archived report file. */
    public record Entry(LocalDate date, ReportFormat format, long bytes, Long scanId, Instant createdAt) {}

    private final DataSource db;
    private final Path dir;

    public ReportArchive(DataSource db, Path dataDir) {
        this.db = db;
        this.dir = dataDir.resolve("reports");
    }

    /** Writes (or replaces) the file, then its archive row. */
    public Path store(LocalDate date, ReportFormat format, byte[] content, Long scanId, Instant at) throws IOException, SQLException {
        Files.createDirectories(dir);
        Path file = dir.resolve(format.fileName(date));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("delete from report_archive where report_date = ? and format = ?");
                 PreparedStatement ins = c.prepareStatement("insert into report_archive (report_date, format, file_name, bytes, scan_id, created_at) values (?,?,?,?,?,?)")) {
                Sql.setDate(del, 1, date);
                del.setString(2, format.name());
                del.executeUpdate();
                Sql.setDate(ins, 1, date);
                ins.setString(2, format.name());
                ins.setString(3, file.getFileName().toString());
                ins.setLong(4, content.length);
                if (scanId == null) ins.setNull(5, java.sql.Types.BIGINT);
                else ins.setLong(5, scanId);
                Sql.setTime(ins, 6, at);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return file;
    }

    /** The archived file of a date and format, if it was generated and is still on disk. */
    public Optional<Path> find(LocalDate date, ReportFormat format) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select file_name from report_archive where report_date = ? and format = ?")) {
            Sql.setDate(ps, 1, date);
            ps.setString(2, format.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Path p = dir.resolve(rs.getString(1));
                return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
            }
        }
    }

    /** Newest first. */
    public List<Entry> list(int limit) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select report_date, format, bytes, scan_id, created_at from report_archive order by report_date desc, format fetch first " + limit + " rows only");
             ResultSet rs = ps.executeQuery()) {
            List<Entry> out = new ArrayList<>();
            while (rs.next()) {
                long scan = rs.getLong("scan_id");
                out.add(new Entry(Sql.date(rs, "report_date"), ReportFormat.valueOf(rs.getString("format")), rs.getLong("bytes"),
                        rs.wasNull() ? null : scan, Sql.time(rs, "created_at")));
            }
            return out;
        }
    }
}
