package cn.xuncha.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.analysis.Box;
import java.util.HashSet;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class DemoScenesTest {
    @Test
    void catalogueNamesAreUniqueAndEventsFitInTheFrameAndTheLoop() {
        var names = new HashSet<String>();
        for (DemoScene s : DemoScenes.all()) {
            assertTrue(names.add(s.name()), "duplicate " + s.name());
            assertEquals(s.events().size() + 2, s.timeline().size());
            for (ScriptedEvent e : s.events()) {
                Box b = e.box(1280, 720);
                assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= 1280 && b.y() + b.h() <= 720, s.name() + " " + b);
                assertTrue(s.durationSeconds() - e.atSeconds() >= 30, s.name() + ": object must stay at least 30 s before the loop restarts");
            }
        }
        assertTrue(names.containsAll(java.util.List.of("street_bag", "street_boxes", "market_vendor", "road_parking",
                "fault_covered", "fault_blurred", "fault_shifted", "fault_dark")));
    }

    @Test
    void unknownSceneNamesTheKnownOnes() {
        var e = assertThrows(NoSuchElementException.class, () -> DemoScenes.byName("nope"));
        assertTrue(e.getMessage().contains("street_bag"), e.getMessage());
    }
}
