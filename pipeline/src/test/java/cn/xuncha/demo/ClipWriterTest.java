package cn.xuncha.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesH264Mp4WithTheRequestedSizeRateAndKeyframeInterval() throws Exception {
        ClipSpec spec = new ClipSpec("street_quiet", Resolution.P360, 10, 1.0, 3, H264Profile.BASELINE, 3);
        Path clip = new ClipCache(dir).clip(spec);
        assertEquals(spec.fileName(), clip.getFileName().toString());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clip.toFile())) {
            g.start();
            assertEquals(avcodec.AV_CODEC_ID_H264, g.getVideoCodec());
            assertEquals(640, g.getImageWidth());
            assertEquals(360, g.getImageHeight());
            assertEquals(10.0, g.getFrameRate(), 0.01);
            List<Integer> keyframes = new ArrayList<>();
            int n = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (f.keyFrame) keyframes.add(n);
                n++;
            }
            assertEquals(30, n, "3 s at 10 fps, no frame skipped");
            assertEquals(List.of(0, 10, 20), keyframes, "one keyframe per second");
        }
    }

    @Test
    void cachedClipIsReusedNotReencoded() throws Exception {
        ClipSpec spec = new ClipSpec("street_quiet", Resolution.P360, 5, 1.0, 1, H264Profile.MAIN, 1);
        ClipCache cache = new ClipCache(dir);
        Path first = cache.clip(spec);
        var stamp = Files.getLastModifiedTime(first);
        Thread.sleep(20);
        assertEquals(first, cache.clip(spec));
        assertEquals(stamp, Files.getLastModifiedTime(first));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "no temporary files left");
        }
    }
}
