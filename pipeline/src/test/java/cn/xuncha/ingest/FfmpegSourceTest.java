package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.ingest.SourceException.Kind;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegSourceTest {
    @TempDir static Path dir;
    static Path clip;

    @BeforeAll
    static void clip() throws Exception {
        clip = TestClip.write(dir.resolve("clip.mp4"), 320, 240, 10, 2, 5);
    }

    private static SourceSettings settings(String url, boolean keyOnly) {
        return new SourceSettings("cam1", "p1", url, Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofSeconds(3), keyOnly, 1280);
    }

    @Test
    void fileLoopsAtRealTimePaceAndSamplesKeyframes() throws Exception {
        long start = System.nanoTime();
        int n = 0;
        try (FrameSource src = new FfmpegSource(settings("file:" + clip, true))) {
            src.open();
            while (n < 8) {
                try (FrameSample s = src.next()) {
                    assertEquals(320, s.image().cols());
                    assertEquals(240, s.image().rows());
                    assertEquals("cam1", s.cameraId());
                    n++;
                }
            }
            assertTrue(src.bytesRead() > 0);
        }
        double secs = (System.nanoTime() - start) / 1e9;
        // 8 samples at >= 400 ms with keyframes every 0.5 s: about 3.5-4 s of video, so the 2 s clip looped and
        // playback was paced (an unpaced decoder would finish in well under a second)
        assertTrue(secs > 2.5, "paced: took " + secs + " s");
    }

    @Test
    void decodeEveryFrameModeAlsoSamples() throws Exception {
        try (FrameSource src = new FfmpegSource(settings("file:" + clip, false))) {
            src.open();
            try (FrameSample s = src.next()) {
                assertFalse(s.image().empty());
            }
        }
    }

    @Test
    void missingFileIsAClearError() {
        SourceException e = assertThrows(SourceException.class, () -> {
            try (FrameSource src = new FfmpegSource(settings("file:" + dir.resolve("nope.mp4"), true))) {
                src.open();
            }
        });
        assertTrue(e.getMessage().contains("No such file"), e.getMessage());
    }

    @Test
    void refusedPortIsNamed() {
        SourceException e = assertThrows(SourceException.class, () -> {
            try (FrameSource src = new FfmpegSource(settings("rtsp://127.0.0.1:1/cam", true))) {
                src.open();
            }
        });
        assertEquals(Kind.REFUSED, e.kind(), e.getMessage());
    }

    @Test
    void unknownHostIsNamed() {
        SourceException e = assertThrows(SourceException.class, () -> {
            try (FrameSource src = new FfmpegSource(settings("rtsp://no-such-camera.invalid/cam", true))) {
                src.open();
            }
        });
        assertEquals(Kind.UNKNOWN_HOST, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-camera.invalid"));
    }
}
