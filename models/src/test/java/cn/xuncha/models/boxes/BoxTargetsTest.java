package cn.xuncha.models.boxes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxTargetsTest {

    @Test
    void anObjectsCentreCellIsAFullCentreAndItsNeighboursFadeOut() {
        BoxTargets t = BoxTargets.encode(List.of(new PixelBox(60, 100, 48, 40)), 256, 256);
        int n = t.gw() * t.gh();
        int cx = (int) (84 / 8.0), cy = (int) (120 / 8.0);
        assertEquals(1f, t.heat()[n + cy * t.gw() + cx], 1e-6);
        assertEquals(0f, t.heat()[cy * t.gw() + cx], 1e-6);
        float next = t.heat()[n + cy * t.gw() + cx + 1];
        assertTrue(next > 0.2 && next < 1, "neighbour is a partial centre: " + next);
        assertEquals(0f, t.heat()[n], 1e-6, "far away cells are background");
        assertEquals(1f, t.boxMask()[cy * t.gw() + cx]);
        assertEquals(0f, t.boxMask()[0]);
    }

    @Test
    void decodingTheTargetsGivesTheBoxesBack() {
        List<PixelBox> truth = List.of(new PixelBox(20, 30, 60, 50), new PixelBox(150, 140, 90, 100), new PixelBox(120, 20, 30, 30));
        BoxTargets t = BoxTargets.encode(truth, 256, 256);
        List<Detection> dets = BoxDecoder.decode(centre(t), box(t), 1, 1, 256, 256);
        assertEquals(truth.size(), dets.size(), "one box per object: " + dets);
        for (PixelBox b : truth) {
            double best = dets.stream().mapToDouble(d -> d.box().iou(b)).max().orElse(0);
            assertTrue(best > 0.95, "box " + b + " decoded with IoU " + best);
        }
    }

    @Test
    void decodedBoxesScaleToTheOriginalImage() {
        BoxTargets t = BoxTargets.encode(List.of(new PixelBox(40, 40, 64, 64)), 128, 128);
        List<Detection> dets = BoxDecoder.decode(centre(t), box(t), 5, 2.5, 640, 320);
        assertEquals(1, dets.size());
        PixelBox b = dets.get(0).box();
        assertTrue(new PixelBox(200, 100, 320, 160).iou(b) > 0.95, "scaled box " + b);
    }

    @Test
    void suppressionKeepsTheBestOfOverlappingBoxes() {
        List<Detection> kept = BoxDecoder.suppress(List.of(
                new Detection("exposed_garbage", 0.6, new PixelBox(0, 0, 100, 100)),
                new Detection("exposed_garbage", 0.9, new PixelBox(5, 5, 100, 100)),
                new Detection("exposed_garbage", 0.5, new PixelBox(300, 300, 50, 50))));
        assertEquals(List.of(0.9, 0.5), kept.stream().map(Detection::score).toList());
    }

    @Test
    void aBoxInsideABetterOneOrAroundItIsSuppressedToo() {
        List<Detection> kept = BoxDecoder.suppress(List.of(
                new Detection("exposed_garbage", 0.9, new PixelBox(0, 0, 100, 100)),
                new Detection("exposed_garbage", 0.8, new PixelBox(10, 10, 30, 30)),     // a part of the bag
                new Detection("exposed_garbage", 0.7, new PixelBox(-20, -20, 300, 300)), // the pile around it
                new Detection("exposed_garbage", 0.6, new PixelBox(80, 0, 100, 100))));  // the next bag, overlapping a little
        assertEquals(List.of(0.9, 0.6), kept.stream().map(Detection::score).toList());
    }

    static float[][] centre(BoxTargets t) {
        float[][] c = new float[t.gh()][t.gw()];
        int n = t.gw() * t.gh();
        for (int y = 0; y < t.gh(); y++) for (int x = 0; x < t.gw(); x++) c[y][x] = t.heat()[n + y * t.gw() + x];
        return c;
    }

    static float[][][] box(BoxTargets t) {
        float[][][] b = new float[4][t.gh()][t.gw()];
        int n = t.gw() * t.gh();
        for (int k = 0; k < 4; k++) for (int y = 0; y < t.gh(); y++) for (int x = 0; x < t.gw(); x++) b[k][y][x] = t.box()[k * n + y * t.gw() + x];
        return b;
    }
}
