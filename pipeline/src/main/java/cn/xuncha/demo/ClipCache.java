package cn.xuncha.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generated clips kept in one directory, keyed by {@link ClipSpec#fileName()}: a spec is encoded once and reused by
 * every test and benchmark run. Safe across processes: clips appear by atomic rename.
 */
public final class ClipCache {
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
        // concurrent first users may both encode; each writes its own temporary file and the rename makes that harmless
        if (!Files.isRegularFile(file)) ClipWriter.write(spec, file);
        return file;
    }
}
