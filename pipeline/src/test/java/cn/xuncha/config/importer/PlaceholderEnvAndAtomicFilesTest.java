package cn.xuncha.config.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Placeholders for unset variables are labelled and recorded; atomic writes leave one file with the right permissions. */
class PlaceholderEnvAndAtomicFilesTest {
    @TempDir Path dir;

    @Test
    void realValuesWinAndUnsetNamesGetALabelledPlaceholder() {
        PlaceholderEnv env = new PlaceholderEnv(Map.of("CAM_USER", "viewer"));
        assertEquals("viewer", env.get("CAM_USER"));
        assertEquals("unset-cam-pass", env.get("CAM_PASS"));
        assertEquals("unset-nvr-host-2", env.get("NVR_HOST_2"));
        assertEquals(List.of("CAM_PASS", "NVR_HOST_2"), env.substituted());
    }

    @Test
    void atomicWriteReplacesContentAndSetsPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path f = dir.resolve("sub/points.yaml");
        AtomicFiles.write(f, "points: []\n", false);
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        AtomicFiles.write(f, "points:\n  - 城南\n", true);
        assertEquals("points:\n  - 城南\n", Files.readString(f));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), "clear-text passwords: owner only");
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
    }
}
