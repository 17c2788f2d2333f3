package cn.xuncha.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleClockTest {

    static List<Long> taken(double fps, double seconds, long stepUs) {
        SampleClock c = new SampleClock(stepUs);
        List<Long> out = new ArrayList<>();
        long frames = Math.round(fps * seconds);
        for (int i = 0; i < frames; i++) {
            long ts = Math.round(i * 1e6 / fps);
            if (c.take(ts)) out.add(ts);
        }
        return out;
    }

    @Test
    void oneFramePerSecondWhenFramesLandJustBeforeTheSecond() {
        // 60.00024 fps (a real clip): frame 60 is stamped 999996 µs, frame 61 at 1016663 µs
        List<Long> t = taken(60.00024, 5, 1_000_000);
        assertEquals(5, t.size(), t.toString());
        for (int i = 0; i < 5; i++) assertEquals(i * 1_000_000, t.get(i), 1000, t.toString());
    }

    @Test
    void sparseFramesAreEachTakenOnce() {
        // 0.5 fps video sampled every second: every frame is a sample, none twice
        assertEquals(List.of(0L, 2_000_000L, 4_000_000L), taken(0.5, 6, 1_000_000));
    }

    @Test
    void subSecondIntervals() {
        assertEquals(10, taken(25, 5, 500_000).size());
    }
}
