package cn.xuncha.config;

import java.time.Duration;

/** Ingest tuning shared by all cameras; per-camera sample intervals override the default. */
public record IngestConfig(
        Duration defaultSampleInterval,
        Duration stallTimeout,
        Duration connectTimeout,
        Duration backoffMin,
        Duration backoffMax,
        boolean keyframesOnly,
        RtspClient rtspClient) {
    public static final IngestConfig DEFAULT = new IngestConfig(
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(10),
            Duration.ofSeconds(1), Duration.ofSeconds(60), true);

    /** Which code receives {@code rtsp://} streams: the built-in client, or FFmpeg's demuxer for odd cameras. */
    public enum RtspClient { BUILTIN, FFMPEG }

    /** With the built-in RTSP client. */
    public IngestConfig(Duration defaultSampleInterval, Duration stallTimeout, Duration connectTimeout,
                        Duration backoffMin, Duration backoffMax, boolean keyframesOnly) {
        this(defaultSampleInterval, stallTimeout, connectTimeout, backoffMin, backoffMax, keyframesOnly, RtspClient.BUILTIN);
    }
}
