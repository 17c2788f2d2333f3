package cn.xuncha.models.data;

import java.nio.file.Path;

/** Where the read-only shared data lives: XUNCHA_SHARED (env or system property), else ../shared of the project. */
public final class SharedPaths {

    private SharedPaths() {}

    public static Path root() {
        String p = System.getProperty("XUNCHA_SHARED", System.getenv("XUNCHA_SHARED"));
        if (p != null && !p.isBlank()) return Path.of(p);
        return projectHome().resolve("..").resolve("shared").normalize();
    }

    public static Path trashbags() {
        return root().resolve("datasets").resolve("trashbags-kr");
    }

    public static Path fixedCameras() {
        return root().resolve("datasets").resolve("fixed-cameras");
    }

    /** The project root: -Dxuncha.home (set by ./xuncha), else the working directory or its parent for modules. */
    public static Path projectHome() {
        String home = System.getProperty("xuncha.home");
        if (home != null) return Path.of(home).toAbsolutePath();
        Path cwd = Path.of("").toAbsolutePath();
        boolean inModule = cwd.getFileName() != null
                && (cwd.getFileName().toString().equals("models") || cwd.getFileName().toString().equals("pipeline"));
        return inModule ? cwd.getParent() : cwd;
    }

    /** The committed model location in the source tree (what `train` overwrites by default). */
    public static Path defaultModelZip() {
        return projectHome().resolve("models").resolve("trained").resolve("garbage-cnn.zip");
    }
}
