package cn.xuncha.analysis;

import static org.junit.jupiter.api.Assertions.*;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

/** Static-change analysis on synthetic scenes: 1 sample per second, frames 1280x720 (analysed at 640x360). */
class CameraAnalyzerTest {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    static final int DWELL_S = 5;
    static final AnalyzerSettings SETTINGS = AnalyzerSettings.defaults().withDefaultDwell(Duration.ofSeconds(DWELL_S));
    /** sample index at which objects appear (after the 7 learning samples and a few quiet ones) */
    static final int APPEAR = 10;
    static final Rect BAG = new Rect(600, 420, 120, 90);

    record Event(int sample, Finding finding) {}

    static List<Event> run(int samples, List<ZoneConfig> zones, CropClassifier classifier, BiConsumer<Integer, Mat> painter) {
        List<Event> events = new ArrayList<>();
        try (SyntheticScene scene = new SyntheticScene(1280, 720);
                CameraAnalyzer a = new CameraAnalyzer("cam-1", "P001", zones, SETTINGS, classifier)) {
            for (int i = 0; i < samples; i++) {
                try (Mat f = scene.frame()) {
                    painter.accept(i, f);
                    for (Finding fi : a.analyze(T0.plusSeconds(i), f)) events.add(new Event(i, fi));
                }
            }
        }
        return events;
    }

    static Box truth(Rect r) {
        return new Box(r.x(), r.y(), r.width(), r.height());
    }

    @Test
    void objectThatStaysIsOpenedWithinDwellPlusTwoSamples() {
        FixedScoreClassifier c = new FixedScoreClassifier(0.9f);
        List<Event> ev = run(30, List.of(), c, (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); });
        List<Event> opened = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).toList();
        assertEquals(1, opened.size(), "exactly one case opened: " + ev);
        Event o = opened.get(0);
        assertTrue(o.sample() <= APPEAR + DWELL_S + 2, "opened at sample " + o.sample());
        assertTrue(o.sample() >= APPEAR + DWELL_S - 1, "opened before its dwell: sample " + o.sample());
        assertTrue(o.finding().box().iou(truth(BAG)) >= 0.3, "box " + o.finding().box() + " vs " + truth(BAG));
        assertEquals("cam-1", o.finding().cameraId());
        assertEquals(Category.EXPOSED_GARBAGE, o.finding().category());
        assertNotNull(o.finding().evidence().frameJpeg());
        assertNotNull(o.finding().evidence().cropJpeg());
        assertNotNull(o.finding().evidence().referenceJpeg());
        assertTrue(ev.stream().noneMatch(e -> e.finding().event() == FindingEvent.CLOSED), "still there: not closed");
    }

    @Test
    void objectPassingThroughIsNotFlagged() {
        FixedScoreClassifier c = new FixedScoreClassifier(0.9f);
        // a "pedestrian" crossing the frame at 60 px per sample, then a slow one at 25 px per sample
        List<Event> ev = run(60, List.of(), c, (i, f) -> {
            if (i >= APPEAR && i < APPEAR + 20) SyntheticScene.bag(f, new Rect(40 + (i - APPEAR) * 60, 300, 60, 160));
            if (i >= APPEAR + 20) SyntheticScene.bag(f, new Rect(40 + (i - APPEAR - 20) * 25, 450, 60, 160));
        });
        assertEquals(List.of(), ev);
    }

    @Test
    void globalBrightnessStepIsNotFlagged() {
        List<Event> ev = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR) SyntheticScene.gain(f, 1.35);
        });
        assertEquals(List.of(), ev);
        List<Event> darker = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR) SyntheticScene.gain(f, 0.6);
        });
        assertEquals(List.of(), darker);
    }

    @Test
    void shadowKeepingTextureIsNotFlagged() {
        List<Event> ev = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR) SyntheticScene.shadow(f, new Rect(300, 300, 400, 250), 0.5, 6);
        });
        assertEquals(List.of(), ev);
    }

    @Test
    void hardDarkShadowIsNotFlagged() {
        // a sharp-edged, deep shadow (e.g. from a building): its outline is a band of texture change, not an object
        List<Event> ev = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR) SyntheticScene.shadow(f, new Rect(300, 300, 400, 250), 0.35, 0.5);
        });
        assertEquals(List.of(), ev);
    }

    @Test
    void greyObjectOnGreyPavementIsFoundByItsTexture() {
        // same mean grey and colour as the pavement: only the texture differs
        Rect r = new Rect(600, 420, 60, 44);
        List<Event> ev = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR) SyntheticScene.greyBag(f, r);
        });
        Event o = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow(() -> new AssertionError("not found"));
        assertTrue(o.sample() <= APPEAR + DWELL_S + 2, "opened at " + o.sample());
        assertTrue(o.finding().box().iou(truth(r)) >= 0.3, o.finding().box().toString());
    }

    @Test
    void removedObjectIsClosedAfterKSamples() {
        int removeAt = APPEAR + DWELL_S + 6;
        List<Event> ev = run(40, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= APPEAR && i < removeAt) SyntheticScene.bag(f, BAG);
        });
        Event opened = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow();
        List<Event> closed = ev.stream().filter(e -> e.finding().event() == FindingEvent.CLOSED).toList();
        assertEquals(1, closed.size(), ev.toString());
        assertEquals(opened.finding().trackId(), closed.get(0).finding().trackId());
        int k = SETTINGS.closeAfterMisses();
        assertTrue(closed.get(0).sample() >= removeAt + k - 1 && closed.get(0).sample() <= removeAt + k,
                "closed at " + closed.get(0).sample() + ", removed at " + removeAt + ", K=" + k);
    }

    @Test
    void nonGarbageObjectInNoParkingZoneBecomesIllegalParking() {
        ZoneConfig noParking = new ZoneConfig("fire lane", ZoneRule.NO_PARKING,
                List.of(new int[] {500, 380}, new int[] {900, 380}, new int[] {900, 600}, new int[] {500, 600}), Duration.ofSeconds(8));
        FixedScoreClassifier notGarbage = new FixedScoreClassifier(0.1f);
        List<Event> ev = run(30, List.of(noParking), notGarbage, (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); });
        Event o = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow(() -> new AssertionError(ev.toString()));
        assertEquals(Category.ILLEGAL_PARKING, o.finding().category());
        assertTrue(o.sample() >= APPEAR + 8 && o.sample() <= APPEAR + 8 + 2, "zone dwell 8s honoured: sample " + o.sample());
        // outside any zone the same non-garbage object is harmless
        assertEquals(List.of(), run(30, List.of(), new FixedScoreClassifier(0.1f), (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); }));
    }

    @Test
    void pileSizedObjectInNoVendingZoneIsStreetVendingButABagThereStaysGarbage() {
        ZoneConfig noVending = new ZoneConfig("market gate", ZoneRule.NO_VENDING,
                List.of(new int[] {450, 360}, new int[] {950, 360}, new int[] {950, 640}, new int[] {450, 640}), Duration.ofSeconds(8));
        Rect cart = new Rect(520, 400, 320, 200); // ~7 % of the frame: a vendor's cart, which the model may well call a pile
        List<Event> ev = run(30, List.of(noVending), new FixedScoreClassifier(0.9f), (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, cart); });
        Event o = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow(() -> new AssertionError(ev.toString()));
        assertEquals(Category.STREET_VENDING, o.finding().category());
        List<Event> bag = run(30, List.of(noVending), new FixedScoreClassifier(0.9f), (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); });
        Event b = bag.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow(() -> new AssertionError(bag.toString()));
        assertEquals(Category.EXPOSED_GARBAGE, b.finding().category());
    }

    @Test
    void ignoreZoneMasksObjects() {
        ZoneConfig ignore = new ZoneConfig("timestamp", ZoneRule.IGNORE,
                List.of(new int[] {550, 380}, new int[] {780, 380}, new int[] {780, 560}, new int[] {550, 560}), Duration.ZERO);
        assertEquals(List.of(), run(30, List.of(ignore), new FixedScoreClassifier(0.9f), (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); }));
    }

    @Test
    void referenceLearnedWithObjectThatLeavesIsNotFlagged() {
        // the bag is there while the reference is learned, then taken away: a "ghost", not a new object
        List<Event> ev = run(30, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> { if (i < APPEAR) SyntheticScene.bag(f, BAG); });
        assertEquals(List.of(), ev);
    }

    @Test
    void switchToNightInfraredRelearnsInsteadOfFlagging() {
        // at sample 12 the camera switches to monochrome IR and the scene gets darker: everything "changed"
        List<Event> ev = run(40, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= 12) {
                try (Mat g = new Mat()) {
                    org.bytedeco.opencv.global.opencv_imgproc.cvtColor(f, g, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
                    org.bytedeco.opencv.global.opencv_imgproc.cvtColor(g, f, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR);
                }
                SyntheticScene.gain(f, 0.5);
            }
        });
        assertEquals(List.of(), ev);
    }

    @Test
    void bagLeftAtNightAfterTheSwitchIsStillFound() {
        int bagAt = 30;
        List<Event> ev = run(50, List.of(), new FixedScoreClassifier(0.9f), (i, f) -> {
            if (i >= 12) {
                try (Mat g = new Mat()) {
                    org.bytedeco.opencv.global.opencv_imgproc.cvtColor(f, g, org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
                    org.bytedeco.opencv.global.opencv_imgproc.cvtColor(g, f, org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR);
                }
            }
            if (i >= bagAt) SyntheticScene.greyBag(f, BAG); // no colour at night: found by texture
        });
        Event o = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).findFirst().orElseThrow(() -> new AssertionError(ev.toString()));
        assertTrue(o.sample() <= bagAt + DWELL_S + 2, "opened at " + o.sample());
        assertTrue(o.finding().box().iou(truth(BAG)) >= 0.3, o.finding().box().toString());
    }

    @Test
    void resetReferenceRelearnsAndKeepsTheObjectAsBackground() {
        try (SyntheticScene scene = new SyntheticScene(640, 360);
                CameraAnalyzer a = new CameraAnalyzer("cam-1", "P001", List.of(), SETTINGS, new FixedScoreClassifier(0.9f))) {
            Rect bag = new Rect(300, 200, 50, 40);
            for (int i = 0; i < 10; i++) try (Mat f = scene.frame()) { a.analyze(T0.plusSeconds(i), f); }
            assertTrue(a.ready());
            a.resetReference();
            assertFalse(a.ready());
            // the bag is there while relearning (e.g. the case was judged harmless): it becomes part of the scene
            List<Finding> out = new ArrayList<>();
            for (int i = 10; i < 30; i++) try (Mat f = scene.frame()) {
                SyntheticScene.bag(f, bag);
                out.addAll(a.analyze(T0.plusSeconds(i), f));
            }
            assertTrue(a.ready());
            assertEquals(List.of(), out);
        }
    }

    @Test
    void betterScoreIsReportedAsUpdateAtMostOncePerInterval() {
        // the first look scores 0.6, later looks 0.95 (e.g. the bag was half hidden at first)
        CropClassifier improving = new CropClassifier() {
            int calls;
            @Override public float[] score(List<Mat> crops) {
                float[] s = new float[crops.size()];
                java.util.Arrays.fill(s, calls++ == 0 ? 0.6f : 0.95f);
                return s;
            }
            @Override public double threshold() { return 0.5; }
        };
        List<Event> ev = run(APPEAR + DWELL_S + 80, List.of(), improving, (i, f) -> { if (i >= APPEAR) SyntheticScene.bag(f, BAG); });
        List<Event> opened = ev.stream().filter(e -> e.finding().event() == FindingEvent.OPENED).toList();
        List<Event> updated = ev.stream().filter(e -> e.finding().event() == FindingEvent.UPDATED).toList();
        assertEquals(1, opened.size(), ev.toString());
        assertEquals(1, updated.size(), "one update for the better score, none while it stays the same: " + ev);
        assertEquals(opened.get(0).finding().trackId(), updated.get(0).finding().trackId());
        assertEquals(0.95, updated.get(0).finding().score(), 1e-6);
        long gap = updated.get(0).sample() - opened.get(0).sample();
        assertTrue(gap >= SETTINGS.updateInterval().toSeconds(), "rate-limited: update " + gap + " s after opening");
        assertNotNull(updated.get(0).finding().evidence().cropJpeg());
    }
}
