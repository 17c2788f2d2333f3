package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.cli.bench.ProcessStats;
import cn.xuncha.demo.ClipSpec;
import cn.xuncha.demo.Resolution;
import cn.xuncha.testbed.LocalRtspServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/** 200 connect / sample / close cycles against the real RTSP server leave threads and native memory flat. */
class ReconnectCyclesIT {
    @Test
    void twoHundredReconnectCyclesLeaveThreadsAndNativeMemoryFlat() throws Exception {
        ClipSpec clip = ClipSpec.of("street_quiet", Resolution.P360, 20).withGop(0.5);
        try (LocalRtspServer server = LocalRtspServer.builder().mounts(4, clip).start()) {
            FfmpegLogging.quiet();
            cycles(server, 40); // warm-up: code paths, decoder tables, allocator arenas
            System.gc();
            long threads0 = ProcessStats.liveThreads();
            long native0 = Pointer.physicalBytes();
            long rss0 = ProcessStats.rssBytes();
            cycles(server, 200);
            System.gc();
            Thread.sleep(500);
            long threads1 = ProcessStats.liveThreads();
            long native1 = Pointer.physicalBytes();
            long rss1 = ProcessStats.rssBytes();
            System.out.printf("200 cycles: threads %d -> %d, physicalBytes %d -> %d MiB, RSS %d -> %d MiB%n", threads0, threads1,
                    native0 >> 20, native1 >> 20, rss0 >> 20, rss1 >> 20);
            assertTrue(threads1 <= threads0 + 2, "threads flat: " + threads0 + " -> " + threads1);
            // one leaked 360p decoder context per cycle would be ~1-2 MiB each, i.e. hundreds of MiB over 200 cycles
            assertTrue(rss1 - rss0 < 40L << 20, "RSS flat: grew " + ((rss1 - rss0) >> 20) + " MiB");
            assertTrue(native1 - native0 < 40L << 20, "native memory flat: grew " + ((native1 - native0) >> 20) + " MiB");
        }
    }

    /** n cycles spread over 4 threads (one per mount): open, take one sample, close. */
    private static void cycles(LocalRtspServer server, int n) throws InterruptedException {
        AtomicInteger left = new AtomicInteger(n);
        AtomicInteger failures = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (String mount : server.mounts()) {
            Thread t = new Thread(() -> {
                SourceSettings s = new SourceSettings("cyc", "p", server.url(mount), Duration.ofSeconds(1), Duration.ofSeconds(5),
                        Duration.ofSeconds(5), true, 1280);
                while (left.getAndDecrement() > 0) {
                    try (FrameSource src = FrameSources.create(s)) {
                        src.open();
                        src.next().close();
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            });
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) t.join(Duration.ofMinutes(5).toMillis());
        assertEquals(0, failures.get(), "every cycle connected and sampled");
    }
}
