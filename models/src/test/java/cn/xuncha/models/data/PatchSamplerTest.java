package cn.xuncha.models.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class PatchSamplerTest {

    private final List<PixelBox> bags = List.of(new PixelBox(100, 100, 80, 60), new PixelBox(300, 200, 120, 150));

    @Test
    void validationNegativesNeverTouchABag() {
        PatchSampler s = new PatchSampler(32);
        try (Mat img = new Mat(480, 640, opencv_core.CV_8UC3, new Scalar(90, 120, 150, 0))) {
            List<PixelBox> wins = s.negativeWindows(img, bags, 50, true, new Random(1));
            assertEquals(50, wins.size());
            for (PixelBox w : wins) for (PixelBox b : bags) assertEquals(0, w.intersection(b), 1e-9);
            List<Patch> patches = s.validation(img, bags, 5, new Random(2));
            assertEquals(2, patches.stream().filter(p -> p.label() == 1).count());
            assertEquals(32 * 32 * 3, patches.get(0).bgr().length);
        }
    }

    @Test
    void negativeRuleAllowsTouchingAndHugeWindowsButNotBagContent() {
        assertTrue(PatchSampler.isNegative(new PixelBox(0, 0, 110, 110), bags), "touches a corner only");
        assertFalse(PatchSampler.isNegative(new PixelBox(90, 90, 100, 100), bags), "holds a whole bag");
        assertFalse(PatchSampler.isNegative(new PixelBox(110, 110, 40, 40), bags), "inside a bag");
        List<PixelBox> small = List.of(new PixelBox(500, 500, 20, 20));
        assertTrue(PatchSampler.isNegative(new PixelBox(0, 0, 1000, 1000), small), "bag is a tiny detail");
    }

    @Test
    void misframedWindowsFitNoBag() {
        Random rnd = new Random(3);
        int made = 0;
        for (int i = 0; i < 300; i++) {
            PixelBox w = PatchSampler.misframed(bags.get(i % 2), bags, rnd);
            if (w == null) continue;
            made++;
            for (PixelBox b : bags) assertTrue(PatchSampler.impliedObject(w).iou(b) < 0.2);
        }
        assertTrue(made > 100, "made " + made);
    }

    @Test
    void augmentationIsDeterministicForASeed() {
        try (Mat img = new Mat(64, 64, opencv_core.CV_8UC3, new Scalar(30, 60, 200, 0))) {
            byte[] a = Augmenter.apply(img, new Random(5)), b = Augmenter.apply(img, new Random(5));
            assertEquals(java.util.Arrays.hashCode(a), java.util.Arrays.hashCode(b));
        }
    }
}
