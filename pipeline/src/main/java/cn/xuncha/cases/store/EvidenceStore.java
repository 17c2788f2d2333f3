package cn.xuncha.cases.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Content-addressed JPEG files under {@code dataDir/evidence/ab/abcdef….jpg}. Paths are derived from a validated
 * sha256 hex string only, never from user input, so a request cannot escape the directory.
 */
public final class EvidenceStore {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public EvidenceStore(Path dataDir) {
        this.root = dataDir.resolve("evidence").toAbsolutePath().normalize();
    }

    /** Stores the bytes (once: same content, same file) and returns their sha256 hex. */
    public String put(byte[] jpeg) {
        String sha = sha256(jpeg);
        Path file = pathOf(sha);
        if (Files.exists(file)) return sha;
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), sha, ".tmp");
            Files.write(tmp, jpeg);
            // atomic rename: a reader never sees a half-written file under the final name
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store evidence " + sha + " under " + root, e);
        }
    }

    /** The file for a hash, if the hash is well-formed and the file exists. */
    public Optional<Path> find(String sha) {
        if (!isHash(sha)) return Optional.empty();
        Path p = pathOf(sha);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public boolean delete(String sha) {
        if (!isHash(sha)) throw new IllegalArgumentException("not a sha256 hex string: " + sha);
        try {
            return Files.deleteIfExists(pathOf(sha));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean isHash(String s) {
        return s != null && SHA256.matcher(s).matches();
    }

    private Path pathOf(String sha) {
        return root.resolve(sha.substring(0, 2)).resolve(sha + ".jpg");
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
