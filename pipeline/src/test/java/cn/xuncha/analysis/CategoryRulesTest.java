package cn.xuncha.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class CategoryRulesTest {
    static final Scalar WHITE = new Scalar(215, 220, 225, 0);
    static final Scalar DARK_GREEN = new Scalar(40, 90, 30, 0);

    @Test
    void garbageSplitBySizeAndColour() {
        assertEquals(Category.LITTER, CategoryRules.garbage(0.002, WHITE));
        assertEquals(Category.EXPOSED_GARBAGE, CategoryRules.garbage(0.002, DARK_GREEN));
        assertEquals(Category.EXPOSED_GARBAGE, CategoryRules.garbage(0.01, WHITE), "a big white bag is not litter");
        assertEquals(Category.PILING, CategoryRules.garbage(0.05, DARK_GREEN));
        assertEquals(Category.PILING, CategoryRules.garbage(0.05, WHITE));
    }

    @Test
    void zoneRulesMapToCategories() {
        assertEquals(Optional.of(Category.ILLEGAL_PARKING), CategoryRules.zone(Optional.of(zone(ZoneRule.NO_PARKING))));
        assertEquals(Optional.of(Category.STREET_VENDING), CategoryRules.zone(Optional.of(zone(ZoneRule.NO_VENDING))));
        assertEquals(Optional.of(Category.BLOCKED_PASSAGE), CategoryRules.zone(Optional.of(zone(ZoneRule.PASSAGE))));
        assertEquals(Optional.empty(), CategoryRules.zone(Optional.of(zone(ZoneRule.GROUND))));
        assertEquals(Optional.empty(), CategoryRules.zone(Optional.empty()));
    }

    static ZoneConfig zone(ZoneRule r) {
        return new ZoneConfig("z", r, List.of(new int[] {0, 0}, new int[] {1, 0}, new int[] {1, 1}), Duration.ofMinutes(5));
    }
}
