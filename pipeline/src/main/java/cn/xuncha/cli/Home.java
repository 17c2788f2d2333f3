package cn.xuncha.cli;

import java.nio.file.Path;

/** The project directory the launcher runs from (-Dxuncha.home), where seeds/ and models/ live. */
public final class Home {
    private Home() {}

    public static Path path(String relative) {
        String home = System.getProperty("xuncha.home", ".");
        return Path.of(home).resolve(relative).normalize();
    }
}
