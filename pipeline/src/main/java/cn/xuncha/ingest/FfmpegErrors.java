package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import cn.xuncha.ingest.SourceException.Kind;

/** Turns FFmpeg error codes into operator-readable {@link SourceException}s. */
final class FfmpegErrors {
    private static final int ECONNREFUSED = 111;
    private static final int ETIMEDOUT = 110;
    private static final int EHOSTUNREACH = 113;
    private static final int ENETUNREACH = 101;

    private FfmpegErrors() {}

    static String text(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) n++;
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    static SourceException classify(String what, int code, InterruptControl control) {
        if (control.aborted()) return new SourceException(Kind.OTHER, what + ": aborted");
        // FFmpeg's RTSP layer may turn an interrupted read into INVALIDDATA; our deadline tells the real cause
        if (code == AVERROR_EXIT() || control.expired()) {
            return new SourceException(Kind.TIMEOUT, what + ": no answer before the timeout");
        }
        if (code == AVERROR_HTTP_UNAUTHORIZED() || code == AVERROR_HTTP_FORBIDDEN()) {
            return new SourceException(Kind.UNAUTHORIZED, what + ": " + text(code) + " (check the camera's credentials)");
        }
        if (code == AVERROR_HTTP_NOT_FOUND()) {
            return new SourceException(Kind.NOT_FOUND, what + ": " + text(code) + " (check the stream path)");
        }
        if (code == -ECONNREFUSED) return new SourceException(Kind.REFUSED, what + ": connection refused");
        if (code == -ETIMEDOUT) return new SourceException(Kind.TIMEOUT, what + ": connection timed out");
        if (code == -EHOSTUNREACH || code == -ENETUNREACH) return new SourceException(Kind.REFUSED, what + ": host unreachable");
        return new SourceException(Kind.OTHER, what + ": " + text(code));
    }
}
