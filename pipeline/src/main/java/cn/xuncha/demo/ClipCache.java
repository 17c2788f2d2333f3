package cn.xuncha.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Generated clips kept in one directory, keyed by {@link ClipSpec#fileName()}: a spec is encoded once and reused by
 * every test and benchmark run. Safe across processes: clips appear by atomic rename.
 */
public final class ClipCache {
    /** A temporary file this old belongs to an encoder that was killed, not to one still running. */
    private static final Duration STALE = Duration.ofHours(1);
    private final Path dir;

    public ClipCache(Path dir) {
        this.dir = dir;
    }

    /** A cache under the system temp directory, shared by test runs on this machine. */
    public static ClipCache shared() {
        return new ClipCache(Path.of(System.getProperty("java.io.tmpdir"), "xuncha-clips"));
    }

    public Path dir() {
        return dir;
    }

    /** The clip file for spec, encoding it first if it is not cached yet. */
    public Path clip(ClipSpec spec) {
        Path file = dir.resolve(spec.fileName());
        if (!Files.isRegularFile(file)) {
            removeStaleParts(spec);
            // concurrent first users may both encode; each writes its own temporary file and the rename makes that harmless
            ClipWriter.write(spec, file);
        }
        return file;
    }

    private void removeStaleParts(ClipSpec spec) {
        if (!Files.isDirectory(dir)) return;
        Instant cutoff = Instant.now().minus(STALE);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, spec.fileName() + "*.part")) {
            for (Path p : parts) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // leftovers only cost disk space; never fail an encode over them
        }
    }
}
