package cn.xuncha.demo;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Frame sizes the generated clips come in (16:9, like most street cameras). */
public enum Resolution {
    P360(640, 360), P720(1280, 720), P1080(1920, 1080);

    private final int width;
    private final int height;

    Resolution(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** "720p" style label. */
    public String label() {
        return height + "p";
    }

    /** Parses "360p", "720p" or "1080p". */
    public static Resolution parse(String label) {
        return Arrays.stream(values()).filter(r -> r.label().equalsIgnoreCase(label.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resolution '" + label + "' (use "
                        + Arrays.stream(values()).map(Resolution::label).collect(Collectors.joining(", ")) + ")"));
    }
}
