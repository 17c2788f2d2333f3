package cn.xuncha.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** A tiny generated H.264 MP4 (a moving square) for ingest unit tests. */
final class TestClip {
    private TestClip() {}

    static Path write(Path file, int width, int height, int fps, int seconds, int gopFrames) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
                OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(fps);
            rec.setGopSize(gopFrames);
            rec.setVideoOption("preset", "ultrafast");
            rec.setVideoOption("tune", "zerolatency");
            rec.start();
            for (int i = 0; i < fps * seconds; i++) {
                try (Mat m = new Mat(height, width, CV_8UC3, new Scalar(90, 120, 110, 0))) {
                    int x = (i * 7) % (width - 40);
                    rectangle(m, new Point(x, height / 3), new Point(x + 40, height / 3 + 40), new Scalar(20, 20, 200, 0), -1, 8, 0);
                    rec.record(conv.convert(m));
                }
            }
            rec.stop();
        }
        return file;
    }
}
