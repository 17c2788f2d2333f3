package cn.xuncha.scan;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When the daily scan is due: a local time in a zone, and how late a missed scan may still run. Pure. */
public record ScanSchedule(LocalTime time, ZoneId zone, Duration grace) {
    public static ScanSchedule of(ScanSettings s) {
        return new ScanSchedule(s.time(), s.zone(), s.grace());
    }

    /** The most recent scheduled start at or before now. */
    public Instant lastSlot(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime slot = local.toLocalDate().atTime(time).atZone(zone);
        if (slot.toInstant().isAfter(now)) slot = local.toLocalDate().minusDays(1).atTime(time).atZone(zone);
        return slot.toInstant();
    }

    /** The first scheduled start after now. */
    public Instant nextSlot(Instant now) {
        ZonedDateTime next = lastSlot(now).atZone(zone).toLocalDate().plusDays(1).atTime(time).atZone(zone);
        return next.toInstant();
    }

    /**
     * Whether the latest slot's scan is still owed: no scan started since that slot, and we are within the grace
     * window after it (a scan run at noon would not describe the night).
     *
     * @param lastStarted when the most recent scan started, or null if none ever ran
     */
    public boolean owed(Instant now, Instant lastStarted) {
        Instant slot = lastSlot(now);
        boolean done = lastStarted != null && !lastStarted.isBefore(slot);
        return !done && !now.isAfter(slot.plus(grace));
    }
}
