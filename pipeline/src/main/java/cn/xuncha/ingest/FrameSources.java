package cn.xuncha.ingest;

import cn.xuncha.config.IngestConfig.RtspClient;
import java.util.function.Function;

/** Picks the source implementation for a camera URL. */
public final class FrameSources {
    private FrameSources() {}

    /** With the built-in RTSP client. */
    public static FrameSource create(SourceSettings settings) {
        return factory(RtspClient.BUILTIN).apply(settings);
    }

    public static Function<SourceSettings, FrameSource> factory(RtspClient rtsp) {
        return settings -> {
            String url = settings.url().toLowerCase();
            if (url.startsWith("http://") || url.startsWith("https://")) return new HttpJpegSource(settings);
            if (url.startsWith("rtsp://") && rtsp == RtspClient.BUILTIN) return new RtspSource(settings);
            return new FfmpegSource(settings); // rtsps://, file:, or rtsp:// when configured to FFmpeg
        };
    }
}
