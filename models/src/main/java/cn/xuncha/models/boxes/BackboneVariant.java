package cn.xuncha.models.boxes;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Yolo-Fastest 1.1 networks a {@link BoxHead} can sit on. Both have the same layer indices (so the same
 * OpenCV layer names for the two maps); the XL one is wider and sees more per cell, at about twice the cost.
 */
public enum BackboneVariant {
    STANDARD("yolo-fastest-1.1", 96, 120, 24),
    XL("yolo-fastest-1.1-xl", 192, 144, 48);

    private final String fileName;
    private final int stride8Channels, deepChannels, midChannels;

    BackboneVariant(String fileName, int stride8Channels, int deepChannels, int midChannels) {
        this.fileName = fileName;
        this.stride8Channels = stride8Channels;
        this.deepChannels = deepChannels;
        this.midChannels = midChannels;
    }

    /** Channels of layer 80, the last stride-16 block before the stride-32 part (a tuned head's second input). */
    public int midChannels() {
        return midChannels;
    }

    /** The Darknet files' base name (NAME.cfg, NAME.weights), also recorded in a head's metadata. */
    public String fileName() {
        return fileName;
    }

    public int stride8Channels() {
        return stride8Channels;
    }

    public int deepChannels() {
        return deepChannels;
    }

    /** The variant with this file name; a clear error listing the known ones otherwise. */
    public static BackboneVariant named(String name) {
        for (BackboneVariant v : values()) {
            if (v.fileName.equals(name)) return v;
        }
        throw new IllegalArgumentException("unknown backbone '" + name + "' (known: "
                + Arrays.stream(values()).map(BackboneVariant::fileName).collect(Collectors.joining(", ")) + ")");
    }
}
