package cn.xuncha.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Daily slots at 02:00 Asia/Shanghai (18:00 UTC the day before) and the missed-scan rule. */
class ScanScheduleTest {
    final ScanSchedule s = new ScanSchedule(LocalTime.of(2, 0), ZoneId.of("Asia/Shanghai"), Duration.ofHours(6));

    @Test
    void slotsAreLocalTime() {
        Instant now = Instant.parse("2025-03-10T20:00:00Z"); // 04:00 on the 11th in Shanghai
        assertEquals(Instant.parse("2025-03-10T18:00:00Z"), s.lastSlot(now));
        assertEquals(Instant.parse("2025-03-11T18:00:00Z"), s.nextSlot(now));
        Instant before = Instant.parse("2025-03-10T17:59:59Z"); // 01:59:59 local
        assertEquals(Instant.parse("2025-03-09T18:00:00Z"), s.lastSlot(before));
        assertEquals(Instant.parse("2025-03-10T18:00:00Z"), s.nextSlot(before));
        assertEquals(Instant.parse("2025-03-10T18:00:00Z"), s.lastSlot(Instant.parse("2025-03-10T18:00:00Z")), "a slot includes its own instant");
    }

    @Test
    void aMissedScanIsOwedWithinTheGraceWindowOnly() {
        Instant slot = Instant.parse("2025-03-10T18:00:00Z");
        Instant yesterday = slot.minus(Duration.ofDays(1));
        assertTrue(s.owed(slot.plus(Duration.ofHours(3)), yesterday), "down at 02:00, back at 05:00");
        assertTrue(s.owed(slot.plus(Duration.ofHours(3)), null), "never scanned");
        assertFalse(s.owed(slot.plus(Duration.ofHours(7)), yesterday), "back at 09:00: too late, wait for tonight");
        assertFalse(s.owed(slot.plus(Duration.ofHours(3)), slot.plusSeconds(5)), "tonight's scan already started");
    }
}
