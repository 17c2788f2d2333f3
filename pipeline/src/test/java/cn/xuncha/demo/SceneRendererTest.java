package cn.xuncha.demo;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Laplacian;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class SceneRendererTest {
    static final DemoScene BAG = DemoScenes.byName("street_bag");

    @Test
    void sameSeedAndTimeGiveIdenticalFramesAndOtherSeedsDiffer() {
        try (SceneRenderer a = new SceneRenderer(BAG, Resolution.P360, 7); SceneRenderer b = new SceneRenderer(BAG, Resolution.P360, 7);
             SceneRenderer c = new SceneRenderer(BAG, Resolution.P360, 8);
             Mat fa = new Mat(); Mat fb = new Mat(); Mat fc = new Mat()) {
            a.render(33.3, fa);
            b.render(33.3, fb);
            c.render(33.3, fc);
            assertEquals(0.0, meanDiff(fa, fb, full(fa)), "same seed, same time");
            assertTrue(meanDiff(fa, fc, full(fa)) > 3, "another seed must give another street");
        }
    }

    @Test
    void bagRegionChangesWhenTheBagIsDumpedAndStaysChanged() {
        ScriptedEvent dump = BAG.events().get(0);
        try (SceneRenderer r = new SceneRenderer(BAG, Resolution.P720, 1); Mat before = new Mat(); Mat after = new Mat(); Mat later = new Mat()) {
            Box bag = dump.box(1280, 720);
            double tBefore = clearTime(r, bag, 1, dump.atSeconds() - 0.1);
            double tAfter = clearTime(r, bag, dump.atSeconds() + 0.1, 44);
            double tLater = clearTime(r, bag, tAfter + 5, BAG.durationSeconds() - 1);
            r.render(tBefore, before);
            r.render(tAfter, after);
            r.render(tLater, later);
            Rect region = rect(bag);
            Rect control = new Rect(bag.x(), 10, bag.w(), bag.h()); // the same size of plain wall, where nothing happens
            double changed = meanDiff(before, after, region);
            double controlDiff = meanDiff(before, after, control);
            // light drift and sensor noise change every pixel a little; the bag must stand far above that
            assertTrue(changed > controlDiff + 30, "bag region diff " + changed + " vs plain wall " + controlDiff);
            assertTrue(controlDiff < 20, "wall should only drift a little, mean abs diff " + controlDiff);
            assertTrue(meanDiff(after, later, region) < meanDiff(after, later, control) + 8, "the bag stays where it was dropped");
            assertTrue(r.staticObjectsAt(tBefore).isEmpty());
            assertEquals(List.of(bag), r.staticObjectsAt(tAfter));
        }
    }

    @Test
    void vendorCartRollsInAndStopsInItsPlace() {
        DemoScene market = DemoScenes.byName("market_vendor");
        ScriptedEvent cart = market.events().get(0);
        assertTrue(cart.leftAt(cart.atSeconds() - 3, 1280) < cart.leftAt(cart.atSeconds() - 1, 1280), "moving right while arriving");
        assertEquals(cart.leftAt(cart.atSeconds(), 1280), cart.leftAt(cart.atSeconds() + 50, 1280), "stopped");
        assertTrue(!cart.visibleAt(cart.atSeconds() - EventKind.ARRIVAL_SECONDS - 0.1));
    }

    @Test
    void faultsAreVisibleInThePicture() {
        try (Mat ok = frame("street_quiet", 10); Mat covered = frame("fault_covered", 10); Mat dark = frame("fault_dark", 10);
             Mat blurred = frame("fault_blurred", 10); Mat shifted = frame("fault_shifted", 10)) {
            double brightness = mean(ok).get(0);
            assertTrue(mean(covered).get(0) < 15, "covered lens is nearly black");
            assertTrue(mean(dark).get(0) < 0.25 * brightness, "dark picture");
            assertTrue(sharpness(blurred) < 0.2 * sharpness(ok), "blurred: " + sharpness(blurred) + " vs " + sharpness(ok));
            assertTrue(meanDiff(ok, shifted, full(ok)) > 20, "shifted view differs from the preset");
            assertTrue(Math.abs(mean(shifted).get(0) - brightness) < 20, "a shifted view is still a normal picture");
        }
    }

    /** A time in [from, to] when no passer-by overlaps box, so the region shows only scene and objects. */
    static double clearTime(SceneRenderer r, Box box, double from, double to) {
        for (double t = from; t <= to; t += 0.2) {
            double at = t;
            if (r.passersAt(at).stream().noneMatch(p -> p.iou(box) > 0 || overlaps(p, box))) return at;
        }
        throw new AssertionError("no time without passers over " + box + " in [" + from + ", " + to + "]");
    }

    private static boolean overlaps(Box a, Box b) {
        return a.x() < b.x() + b.w() && b.x() < a.x() + a.w() && a.y() < b.y() + b.h() && b.y() < a.y() + a.h();
    }

    static Mat frame(String scene, double t) {
        Mat m = new Mat();
        try (SceneRenderer r = new SceneRenderer(DemoScenes.byName(scene), Resolution.P360, 1)) {
            r.render(t, m);
        }
        return m;
    }

    static double sharpness(Mat bgr) {
        try (Mat grey = new Mat(); Mat lap = new Mat(); Mat mu = new Mat(); Mat sd = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            Laplacian(grey, lap, CV_64F);
            meanStdDev(lap, mu, sd);
            return Math.pow(sd.ptr(0).getDouble(), 2);
        }
    }

    static double meanDiff(Mat a, Mat b, Rect r) {
        try (Mat ra = new Mat(a, r); Mat rb = new Mat(b, r); Mat d = new Mat()) {
            absdiff(ra, rb, d);
            Scalar s = mean(d);
            return (s.get(0) + s.get(1) + s.get(2)) / 3;
        }
    }

    static Rect full(Mat m) {
        return new Rect(0, 0, m.cols(), m.rows());
    }

    static Rect rect(Box b) {
        return new Rect(b.x(), b.y(), b.w(), b.h());
    }
}
