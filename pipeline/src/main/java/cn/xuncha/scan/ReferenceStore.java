package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The reference ("clean") view of each camera: a JPEG under {@code dataDir/references} and a row in
 * {@code camera_references}. File names are derived from a hash of the camera id, never from input paths.
 */
public final class ReferenceStore {
    /** Why a reference was taken. */
    public enum Reason { FIRST_HEALTHY, VERIFIED_CLEAN, MANUAL }

    private final DataSource db;
    private final Path dir;

    public ReferenceStore(DataSource db, Path dataDir) {
        this.db = db;
        this.dir = dataDir.resolve("references");
    }

    /** The stored reference of a camera (caller closes it), or empty when none is stored or its file is gone. */
    public Optional<Mat> load(String cameraId) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("select file_name from camera_references where camera_id = ?")) {
            ps.setString(1, cameraId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                Path file = dir.resolve(rs.getString(1));
                if (!Files.isRegularFile(file)) return Optional.empty();
                Mat m = imread(file.toString(), IMREAD_COLOR);
                if (m.empty()) {
                    m.close();
                    return Optional.empty();
                }
                return Optional.of(m);
            }
        }
    }

    /** Stores (or replaces) the reference; the file is written first and renamed, so a crash never leaves half a JPEG. */
    public void save(String cameraId, Mat image, Reason reason, Instant at) throws IOException, SQLException {
        Files.createDirectories(dir);
        String name = fileName(cameraId);
        Path tmp = dir.resolve(name + ".tmp.jpg");
        if (!imwrite(tmp.toString(), image)) throw new IOException("cannot write reference " + tmp);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("delete from camera_references where camera_id = ?");
                 PreparedStatement ins = c.prepareStatement("insert into camera_references (camera_id, file_name, width, height, reason, taken_at) values (?,?,?,?,?,?)")) {
                del.setString(1, cameraId);
                del.executeUpdate();
                ins.setString(1, cameraId);
                ins.setString(2, name);
                ins.setInt(3, image.cols());
                ins.setInt(4, image.rows());
                ins.setString(5, reason.name());
                Sql.setTime(ins, 6, at);
                ins.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    static String fileName(String cameraId) {
        try {
            byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(cameraId.getBytes(StandardCharsets.UTF_8));
            String safe = cameraId.replaceAll("[^A-Za-z0-9_-]", "_");
            return safe.substring(0, Math.min(40, safe.length())) + "-" + HexFormat.of().formatHex(h, 0, 6) + ".jpg";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
