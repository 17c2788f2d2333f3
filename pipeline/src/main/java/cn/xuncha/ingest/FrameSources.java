package cn.xuncha.ingest;

/** Picks the source implementation for a camera URL. */
public final class FrameSources {
    private FrameSources() {}

    public static FrameSource create(SourceSettings settings) {
        String url = settings.url().toLowerCase();
        if (url.startsWith("http://") || url.startsWith("https://")) return new HttpJpegSource(settings);
        return new FfmpegSource(settings); // rtsp(s)://, file:
    }
}
