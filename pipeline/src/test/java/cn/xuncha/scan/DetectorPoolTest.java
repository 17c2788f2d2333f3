package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xuncha.models.Detection;
import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.ImageDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** The scan's detector instances: never one instance in two threads, and all of them at work together. */
class DetectorPoolTest {

    /** Counts its callers; fails the test when a second thread enters while one is inside. */
    private static final class Fake implements ImageDetector {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicBoolean shared = new AtomicBoolean();
        final AtomicBoolean waitedAlone = new AtomicBoolean();
        final CountDownLatch allBusy;

        Fake(CountDownLatch allBusy) {
            this.allBusy = allBusy;
        }

        @Override
        public DetectionResult detectAll(Mat bgr) {
            if (inside.incrementAndGet() > 1) shared.set(true);
            try {
                allBusy.countDown();
                // true at once when every instance is busy at the same time; false after 5 s when calls run one by one
                if (!allBusy.await(5, TimeUnit.SECONDS)) waitedAlone.set(true);
                return new DetectionResult(0, List.of());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inside.decrementAndGet();
            }
        }

        @Override public double detectionThreshold() { return 0.5; }
        @Override public double lowestUsefulThreshold() { return 0.1; }
        @Override public String description() { return "fake"; }
        @Override public ImageDetector withThreshold(double threshold) { return this; }
    }

    @Test
    void lendsEachInstanceToOneWorkerAtATimeAndUsesThemAll() throws Exception {
        CountDownLatch allBusy = new CountDownLatch(2);
        List<Fake> fakes = List.of(new Fake(allBusy), new Fake(allBusy));
        DetectorPool pool = new DetectorPool(new ArrayList<ImageDetector>(fakes));
        ExecutorService workers = Executors.newFixedThreadPool(6);
        try (Mat frame = new Mat()) {
            List<Future<List<Detection>>> runs = new ArrayList<>();
            for (int i = 0; i < 12; i++) runs.add(workers.submit(() -> pool.detect(frame)));
            for (Future<List<Detection>> r : runs) assertEquals(List.of(), r.get(10, TimeUnit.SECONDS));
        } finally {
            workers.shutdownNow();
        }
        for (Fake f : fakes) {
            assertFalse(f.shared.get(), "an instance was used by two threads at once");
            assertFalse(f.waitedAlone.get(), "both instances should have worked at the same time");
        }
        assertEquals(2, pool.size());
        assertEquals("fake", pool.description());
    }

    @Test
    void sizeFollowsTheCoresWithinBounds() {
        assertEquals(1, DetectorPool.defaultSize(0));
        assertEquals(2, DetectorPool.defaultSize(2));
        assertEquals(DetectorPool.MAX_SIZE, DetectorPool.defaultSize(64));
        assertThrows(IllegalArgumentException.class, () -> new DetectorPool(List.of()));
    }
}
