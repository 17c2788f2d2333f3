package cn.xuncha.ingest;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Instant;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class LatestFrameSlotTest {
    private static FrameSample sample(int rows) {
        return new FrameSample("c", "p", Instant.now(), new Mat(rows, 4, org.bytedeco.opencv.global.opencv_core.CV_8UC3));
    }

    @Test
    void newerSampleReplacesAndFreesTheUnconsumedOne() {
        LatestFrameSlot slot = new LatestFrameSlot();
        FrameSample first = sample(1);
        assertFalse(slot.offer(first));
        assertTrue(slot.offer(sample(2)));
        assertTrue(first.image().isNull() || first.image().address() == 0, "replaced sample was released");
        try (FrameSample got = slot.take()) {
            assertEquals(2, got.image().rows());
        }
        assertNull(slot.take());
        assertEquals(1, slot.dropped());
    }
}
