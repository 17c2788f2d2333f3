package cn.xuncha.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageOutcomeTest {

    @Test
    void matchesOneToOneAboveThreshold() {
        List<PixelBox> truth = List.of(new PixelBox(0, 0, 100, 100), new PixelBox(300, 300, 50, 50));
        List<Detection> dets = List.of(
                new Detection("exposed_garbage", 0.9, new PixelBox(10, 10, 100, 100)),   // hits truth 0
                new Detection("exposed_garbage", 0.8, new PixelBox(0, 0, 90, 90)),      // duplicate of truth 0
                new Detection("exposed_garbage", 0.4, new PixelBox(305, 305, 50, 50))); // hits truth 1, low score
        ImageOutcome o = new ImageOutcome("x", truth, dets, 0.9);
        assertEquals(1, o.matched(0.5, 0.3));
        assertEquals(2, o.detections(0.5));
        assertEquals(2, o.matched(0.3, 0.3));
    }
}
