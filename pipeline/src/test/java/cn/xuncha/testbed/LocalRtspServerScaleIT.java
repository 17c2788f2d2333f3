package cn.xuncha.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One server process carries the loads the ingest tests and benchmarks put on it, and enforces credentials. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LocalRtspServerScaleIT {
    static final ClipSpec CLIP = ClipSpec.of("street_quiet", Resolution.P360, 6).withGop(1.0);

    @Test
    void twentyConcurrentClientsEachGetTheFullFrameRate() throws Exception {
        int clients = 20;
        int seconds = 6;
        try (LocalRtspServer server = LocalRtspServer.builder().mounts(clients, CLIP).start()) {
            assertEquals(clients, server.mounts().size());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Integer>> counts = new ArrayList<>();
                for (String mount : server.mounts()) counts.add(pool.submit(() -> packets(server.url(mount), seconds)));
                for (int i = 0; i < clients; i++) {
                    int n = counts.get(i).get(90, TimeUnit.SECONDS);
                    // real-time pace: about 25 per second, never a burst of the whole clip
                    assertTrue(n > 0.85 * 25 * seconds && n < 1.15 * 25 * seconds, server.mounts().get(i) + ": " + n + " packets in " + seconds + " s");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void oneHundredSixtySixMountsAreServedByOneProcess() throws Exception {
        try (LocalRtspServer server = LocalRtspServer.builder().mounts(166, CLIP).start()) {
            assertEquals("/cam001", server.mounts().get(0));
            assertEquals("/cam166", server.mounts().get(165));
            for (String mount : List.of("/cam001", "/cam083", "/cam166")) {
                try (FFmpegFrameGrabber g = RtspClients.grabber(server.url(mount))) {
                    g.start();
                    assertNotNull(g.grabImage(), mount);
                }
            }
        }
    }

    @Test
    void credentialsAreRequiredWhenAuthIsOn() throws Exception {
        try (LocalRtspServer server = LocalRtspServer.builder().mount("/cam01", CLIP).auth("admin", "s3cret").start()) {
            assertTrue(server.url("/cam01").startsWith("rtsp://admin:s3cret@"));
            try (FFmpegFrameGrabber g = RtspClients.grabber(server.urlWithoutCredentials("/cam01"))) {
                FFmpegFrameGrabber.Exception e = org.junit.jupiter.api.Assertions.assertThrows(FFmpegFrameGrabber.Exception.class, g::start);
                assertTrue(e.getMessage().contains(Integer.toString(avutil.AVERROR_HTTP_UNAUTHORIZED)), e.getMessage());
            }
            try (FFmpegFrameGrabber g = RtspClients.grabber(server.url("/cam01"))) {
                g.start();
                assertNotNull(g.grabImage());
            }
        }
    }

    /** Counts packets (frames, undecoded) read from url during the given number of seconds, after a 1 s warm-up. */
    private static int packets(String url, int seconds) throws Exception {
        try (FFmpegFrameGrabber g = RtspClients.grabber(url)) {
            g.startUnsafe(); // start() serialises on a JVM-wide lock; the point here is concurrent connects
            // start() probes the stream and buffers what it read; those packets come out first, in a burst
            long warm = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (System.nanoTime() < warm) {
                if (g.grabPacket() == null) throw new AssertionError(url + ": stream ended while warming up");
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            int n = 0;
            while (System.nanoTime() < end) {
                if (g.grabPacket() == null) throw new AssertionError(url + ": stream ended after " + n + " packets");
                n++;
            }
            return n;
        }
    }
}
