package cn.xuncha.models.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.Arrays;
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

    @Test
    void aMissedBoxIsPutDownToTheStageThatLostIt() {
        PixelBox kept = new PixelBox(0, 0, 100, 100), low = new PixelBox(300, 300, 50, 50), far = new PixelBox(600, 600, 40, 40),
                crowded = new PixelBox(800, 0, 60, 60);
        Detection onKept = new Detection("exposed_garbage", 0.9, kept);
        List<Detection> before = List.of(onKept,
                new Detection("exposed_garbage", 0.4, new PixelBox(305, 300, 50, 50)),  // on `low`, under the threshold
                new Detection("exposed_garbage", 0.7, new PixelBox(800, 5, 60, 60)),    // on `crowded`, suppressed
                new Detection("exposed_garbage", 0.8, new PixelBox(590, 560, 40, 40))); // near `far`, IoU under 0.3
        ImageOutcome o = new ImageOutcome("x", List.of(kept, low, far, crowded), List.of(onKept), 0.9, before);
        assertEquals(new MissedBoxes(1, 1, 1), o.missed(0.5, 0.3));
        assertEquals(new MissedBoxes(1, 0, 2), o.missed(0.3, 0.3), "at a lower threshold the low box counts as suppressed");
        assertEquals(MissedBoxes.NONE, new ImageOutcome("x", List.of(low), List.of(), 0, null).missed(0.5, 0.3), "a one-stage detector");
    }

    @Test
    void aFalseBoxIsPutDownToWhereItLies() {
        PixelBox bag = new PixelBox(0, 0, 100, 100), big = new PixelBox(300, 0, 200, 200);
        List<Detection> dets = List.of(
                new Detection("exposed_garbage", 0.9, bag),                             // found
                new Detection("exposed_garbage", 0.8, new PixelBox(10, 0, 100, 100)),   // a second box on the found bag
                new Detection("exposed_garbage", 0.7, new PixelBox(320, 20, 80, 80)),   // on part of the big bag (IoU 0.16)
                new Detection("exposed_garbage", 0.6, new PixelBox(0, 500, 80, 80)),    // off every bag
                new Detection("exposed_garbage", 0.2, new PixelBox(0, 700, 80, 80)));   // under the threshold
        ImageOutcome o = new ImageOutcome("x", List.of(bag, big), dets, 0.9);
        assertEquals(new FalseBoxes(1, 1, 1), o.falseBoxes(0.5, 0.3));
        assertEquals(o.detections(0.5) - o.matched(0.5, 0.3), 3, "every false box is put down somewhere");
        assertEquals(new FalseBoxes(1, 1, 2), o.falseBoxes(0.1, 0.3));
        assertEquals(Arrays.asList(ImageOutcome.Place.MATCHED, ImageOutcome.Place.ON_FOUND_BAG, ImageOutcome.Place.ON_BAGS,
                ImageOutcome.Place.OFF_BAGS, null), o.places(0.5, 0.3), "each box's place, in candidate order");
        assertArrayEquals(new boolean[] {true, false}, o.found(0.5, 0.3));
    }
}
