package cn.xuncha.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads a video file and hands one BGR frame per sample interval of video time to a consumer. */
final class VideoSampler {

    /** Receives a sample; the Mat is only valid during the call. */
    interface SampleConsumer {
        void accept(double seconds, Mat bgr) throws Exception;
    }

    /** Thrown when the file cannot be opened or decoded as video. */
    static final class VideoException extends Exception {
        VideoException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private VideoSampler() {}

    /** @return the video time of the last frame read, in seconds */
    static double sample(Path video, Duration interval, SampleConsumer consumer) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        SampleClock clock = new SampleClock(interval.toNanos() / 1000);
        double last = 0;
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile()); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            try {
                g.start();
            } catch (FrameGrabber.Exception e) {
                throw new VideoException("cannot open " + video + " as video: " + e.getMessage(), e);
            }
            if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) throw new VideoException(video + " has no video stream", null);
            Frame f;
            while ((f = grab(g, video)) != null) {
                if (f.image == null) continue;
                long ts = Math.max(0, f.timestamp);
                last = Math.max(last, ts / 1e6); // decoders may flush a last frame stamped 0
                if (!clock.take(ts)) continue;
                Mat m = conv.convert(f);
                if (m == null) continue;
                consumer.accept(ts / 1e6, m);
            }
            g.stop();
        }
        return last;
    }

    private static Frame grab(FFmpegFrameGrabber g, Path video) throws VideoException {
        try {
            return g.grabImage();
        } catch (FrameGrabber.Exception e) {
            throw new VideoException("cannot decode " + video + ": " + e.getMessage(), e);
        }
    }
}
