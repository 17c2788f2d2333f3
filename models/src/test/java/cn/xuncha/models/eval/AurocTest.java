package cn.xuncha.models.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AurocTest {

    @Test
    void rankStatistic() {
        int[] labels = {0, 0, 1, 1};
        assertEquals(1.0, Auroc.of(new float[] {0.1f, 0.2f, 0.8f, 0.9f}, labels), 1e-9);
        assertEquals(0.0, Auroc.of(new float[] {0.9f, 0.8f, 0.2f, 0.1f}, labels), 1e-9);
        assertEquals(0.5, Auroc.of(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, labels), 1e-9);
        assertEquals(0.75, Auroc.of(new float[] {0.1f, 0.6f, 0.5f, 0.9f}, labels), 1e-9);
        assertTrue(Double.isNaN(Auroc.of(new float[] {0.1f, 0.2f}, new int[] {1, 1})));
    }
}
