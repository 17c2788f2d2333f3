package cn.xuncha.testbed;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds scripts/ of the xuncha checkout: -Dxuncha.home (set by ./xuncha), else upwards from the working directory. */
final class Scripts {
    private Scripts() {}

    static Path rtspServer() {
        return find("scripts/rtsp-server.py");
    }

    static Path find(String relative) {
        String home = System.getProperty("xuncha.home");
        if (home != null && Files.isRegularFile(Path.of(home, relative))) return Path.of(home, relative).toAbsolutePath();
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) return d.resolve(relative);
        }
        throw new IllegalStateException(relative + " not found under -Dxuncha.home or any parent of " + Path.of("").toAbsolutePath()
                + "; run from the xuncha checkout");
    }
}
