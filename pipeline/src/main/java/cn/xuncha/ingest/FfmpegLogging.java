package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_QUIET;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/** Silences FFmpeg's own stderr logging: every fault is reported once, by name, through the camera's health. */
public final class FfmpegLogging {
    private FfmpegLogging() {}

    public static void quiet() {
        av_log_set_level(AV_LOG_QUIET);
    }
}
