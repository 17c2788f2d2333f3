package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoSamplerTest {

    @Test
    void oneSamplePerSecondOfVideoTime(@TempDir Path dir) throws Exception {
        // 30 fps, 4 s: one sample per second of video time
        Path video = dir.resolve("v.avi");
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(video.toFile(), 64, 48); OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
                Mat m = new Mat(48, 64, org.bytedeco.opencv.global.opencv_core.CV_8UC3, Scalar.all(90))) {
            rec.setFormat("avi");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(30);
            rec.start();
            for (int i = 0; i < 30 * 4; i++) rec.record(conv.convert(m));
            rec.stop();
        }
        List<Double> times = new ArrayList<>();
        double last = VideoSampler.sample(video, Duration.ofSeconds(1), (t, bgr) -> times.add(t));
        assertEquals(4, times.size(), times.toString());
        for (int i = 0; i < 4; i++) assertEquals(i, times.get(i), 0.05, times.toString());
        assertEquals(4.0, last, 0.1);
    }
}
