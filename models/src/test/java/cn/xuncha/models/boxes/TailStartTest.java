package cn.xuncha.models.boxes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where a tuned head's layers start, read from its metadata, and which tuning runs keep them (no backbone needed). */
class TailStartTest {

    @Test
    void aHeadsRecordNamesItsStartAndATuningRunMayNotStartLater() {
        assertEquals(Optional.of(TailStart.AFTER_STRIDE8), TailStart.ofHead(Map.of(TailStart.METADATA_KEY, "59-128")));
        assertEquals(Optional.of(TailStart.AFTER_STRIDE16), TailStart.ofHead(Map.of(TailStart.METADATA_KEY, "81-128")));
        assertEquals(Optional.empty(), TailStart.ofHead(Map.of("seed", 42)), "a head on the frozen backbone");
        assertTrue(TailStart.AFTER_STRIDE8.keeps(TailStart.AFTER_STRIDE16));
        assertTrue(TailStart.AFTER_STRIDE8.keeps(TailStart.AFTER_STRIDE8));
        assertFalse(TailStart.AFTER_STRIDE16.keeps(TailStart.AFTER_STRIDE8));
    }

    @Test
    void anUnknownStartIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TailStart.ofHead(Map.of(TailStart.METADATA_KEY, "60-128")));
        assertEquals("a tuned head can start at Darknet layer 81 or 59, not 60", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TailStart.ofHead(Map.of(TailStart.METADATA_KEY, "all")));
        assertTrue(e.getMessage().contains("tuned_backbone_layers: 'all'"), e.getMessage());
    }
}
