package cn.xuncha.models.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Reads evenly spaced frames of a video file as BGR Mats (caller closes them). */
public final class VideoFrames {

    private VideoFrames() {}

    public static List<Mat> sample(Path video, int count) throws IOException {
        if (!Files.isRegularFile(video)) throw new IOException("missing video: " + video.toAbsolutePath());
        List<Mat> out = new ArrayList<>();
        // the bundled clips are old xvid/msmpeg files: ffmpeg's per-frame warnings would drown the progress bar
        org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            int total = Math.max(1, g.getLengthInVideoFrames());
            int step = Math.max(1, total / count);
            Frame f;
            for (int i = 0; (f = g.grabImage()) != null && out.size() < count; i++) {
                if (i % step != 0) continue;
                Mat m = conv.convert(f);
                if (m != null && m.channels() == 3) out.add(m.clone());
            }
            g.stop();
        } catch (FFmpegFrameGrabber.Exception e) {
            throw new IOException("cannot read video " + video + ": " + e.getMessage(), e);
        }
        return out;
    }
}
