package cn.xuncha.scan;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import cn.xuncha.demo.CameraFault;
import cn.xuncha.demo.DemoScene;
import cn.xuncha.demo.EventKind;
import cn.xuncha.demo.Resolution;
import cn.xuncha.demo.SceneRenderer;
import cn.xuncha.demo.ScriptedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Test clips for scan tests: the catalogue's street without passers-by, and the same street where garbage already
 * lies when the stream starts (the catalogue's scenes drop it after 20 s, but a mount starts playing when the scan
 * connects). Without passers-by the scan tests do not depend on how the analysis stage treats a pedestrian who is
 * in the same place in all keyframes; that robustness is the analysis stage's own test matter.
 */
final class SceneClips {
    private SceneClips() {}

    /** a passer density so low that the first crossing falls outside the clip */
    private static final double NO_PASSERS = 1e-5;

    static DemoScene emptyStreet() {
        return new DemoScene("it_empty", "the street, nobody passing", 20, List.of(), CameraFault.NONE, NO_PASSERS);
    }

    /** A bag and a pile of boxes by the wall from the first frame. */
    static DemoScene bagsFromStart() {
        return new DemoScene("it_bags", "bags by the wall from the start", 20, List.of(
                new ScriptedEvent(0, EventKind.BLACK_BAG, 0.18, 0.50, 0.07),
                new ScriptedEvent(0, EventKind.BOX_PILE, 0.42, 0.52, 0.14)), CameraFault.NONE, NO_PASSERS);
    }

    /** Encodes scene (seed 1, 25 fps, keyframe every second) unless the file exists. */
    static Path write(DemoScene scene, Resolution r, Path dir) throws Exception {
        Path out = dir.resolve(scene.name() + "-" + r.label() + "-v2.mp4");
        if (Files.isRegularFile(out)) return out;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, scene.name(), ".part.mp4");
        try (SceneRenderer renderer = new SceneRenderer(scene, r, 1);
             FFmpegFrameRecorder rec = new FFmpegFrameRecorder(tmp.toFile(), r.width(), r.height(), 0);
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat(); Mat mat = new Mat()) {
            rec.setFormat("mp4");
            rec.setVideoCodec(AV_CODEC_ID_H264);
            rec.setPixelFormat(AV_PIX_FMT_YUV420P);
            rec.setFrameRate(25);
            rec.setGopSize(25);
            rec.setMaxBFrames(0);
            rec.setVideoBitrate(800_000);
            rec.start();
            for (int i = 0; i < scene.durationSeconds() * 25; i++) {
                renderer.render(i / 25.0, mat);
                rec.record(conv.convert(mat), AV_PIX_FMT_BGR24);
            }
            rec.stop();
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return out;
    }
}
