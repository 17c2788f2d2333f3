package cn.xuncha.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness itself against plain FFmpeg clients: real-time pacing, looping past the clip's end, and the faults. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LocalRtspServerIT {
    /** 6 s clip, keyframe every second: short enough that a 10 s read must cross the loop point. */
    static final ClipSpec CLIP = ClipSpec.of("street_bag", Resolution.P360, 6).withGop(1.0);
    static LocalRtspServer server;

    @BeforeAll
    static void start() {
        server = LocalRtspServer.builder().mount("/cam01", CLIP).mount("/cam02", CLIP)
                .mount("/cam03", CLIP.withSeed(2)).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void framesArriveAtRealTimePaceAndKeepComingPastTheClipEnd() throws Exception {
        try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam02"))) {
            g.start();
            assertEquals(640, g.getImageWidth());
            // skip the start-up burst: the first frames may come faster while buffers fill
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < until) assertNotNull(g.grabImage());
            long wall0 = System.nanoTime();
            long ts0 = g.getTimestamp();
            int frames = 0;
            while (System.nanoTime() - wall0 < TimeUnit.SECONDS.toNanos(10)) {
                Frame f = g.grabImage();
                assertNotNull(f, "stream ended after " + frames + " frames");
                frames++;
            }
            double wall = (System.nanoTime() - wall0) / 1e9;
            double media = (g.getTimestamp() - ts0) / 1e6;
            System.out.printf("pacing: %d frames in %.2f s wall, media time advanced %.2f s (%.3f x real time)%n",
                    frames, wall, media, media / wall);
            assertTrue(media / wall > 0.9 && media / wall < 1.1, "media time " + media + " s over " + wall + " s wall");
            assertTrue(frames > 0.9 * 25 * wall && frames < 1.1 * 25 * wall, frames + " frames in " + wall + " s at 25 fps");
            assertTrue(wall + 1 > CLIP.durationSeconds() + 4, "read well past the clip's end");
        }
    }

    @Test
    void pausedServerSendsNothingAndAnswersAgainAfterResume() throws Exception {
        FrameCounter counter = FrameCounter.start(server.url("/cam03"));
        try {
            counter.awaitFrames(10, 10);
            server.pause();
            Thread.sleep(1000); // frames already in flight may still arrive
            int before = counter.newFrames();
            Thread.sleep(3000);
            assertEquals(before, counter.newFrames(), "frames arrived from a stopped server");
            server.resume();
            try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam01"))) {
                g.start();
                assertNotNull(g.grabImage(), "no frame after resume");
            }
        } finally {
            // the old client may be stuck in av_read_frame; a restart drops its connection and lets it finish
            server.restart();
            counter.close();
        }
    }

    @Test
    void killedServerDropsClientsAndRefusesConnectsUntilRestarted() throws Exception {
        int port = server.port();
        try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam01"))) {
            g.start();
            assertNotNull(g.grabImage());
            server.kill();
            assertTrue(!server.isRunning());
            Frame f;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            do {
                f = g.grabImage();
            } while (f != null && System.nanoTime() < deadline);
            assertNull(f, "frames kept coming from a killed server");
        }
        try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam01"))) {
            assertThrows(FFmpegFrameGrabber.Exception.class, g::start);
        }
        server.restart();
        assertEquals(port, server.port(), "restart must keep the port");
        try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam01"))) {
            g.start();
            assertNotNull(g.grabImage());
        }
    }

    @Test
    void aServerThatCannotStartSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LocalRtspServer.builder().mount("/cam01", CLIP).port(server.port()).start().close());
        assertTrue(e.getMessage().contains("cannot listen on 127.0.0.1:" + server.port()), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LocalRtspServer.builder().mount("/cam01", java.nio.file.Path.of("no-such-clip.mp4")).start());
        assertTrue(missing.getMessage().contains("no-such-clip.mp4"), missing.getMessage());
    }
}
