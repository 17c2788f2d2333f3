package cn.xuncha.demo;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/** Encodes a demo scene to an H.264 MP4 like a camera would send it: fixed GOP, no B-frames, constant bitrate. */
public final class ClipWriter {
    private ClipWriter() {}

    /** Renders and encodes spec into file (written to a temporary name first, so readers never see half a clip). */
    public static void write(ClipSpec spec, Path file) {
        DemoScene scene = DemoScenes.byName(spec.scene());
        Path tmp = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".part");
            encode(spec, scene, tmp);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write clip " + file, e);
        } finally {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: a stray .part file is harmless
            }
        }
    }

    private static void encode(ClipSpec spec, DemoScene scene, Path out) throws IOException {
        Resolution r = spec.resolution();
        try (SceneRenderer renderer = new SceneRenderer(scene, r, spec.seed());
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toFile(), r.width(), r.height(), 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat mat = new Mat()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(spec.fps());
            rec.setGopSize(spec.gopFrames());
            rec.setMaxBFrames(0);
            rec.setVideoBitrate(bitrate(r));
            rec.setVideoOption("profile", spec.profile().encoderName());
            // like a camera: every frame is sent, no rate-control frame skipping
            rec.setVideoOption("allow_skip_frames", "0");
            rec.start();
            for (int i = 0; i < spec.frameCount(); i++) {
                renderer.render((double) i / spec.fps(), mat);
                Frame f = conv.convert(mat);
                rec.record(f, AV_PIX_FMT_BGR24);
            }
            rec.stop();
        } catch (FFmpegFrameRecorder.Exception e) {
            throw new IOException("encoding " + spec.fileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Typical street-camera bitrates (bits/s). */
    static int bitrate(Resolution r) {
        return switch (r) {
            case P360 -> 600_000;
            case P720 -> 1_500_000;
            case P1080 -> 3_000_000;
        };
    }
}
