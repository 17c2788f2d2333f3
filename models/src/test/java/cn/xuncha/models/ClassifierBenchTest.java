package cn.xuncha.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassifierBenchTest {

    @Test
    void reportsOrderedLatencies() {
        try (GarbageClassifier c = TestModels.untrained(1, 0.5)) {
            ClassifierBench.Result r = ClassifierBench.run(c, 30);
            assertEquals(30, r.crops());
            assertTrue(r.medianMs() > 0 && r.p95Ms() >= r.medianMs() && r.batchedMsPerCrop() > 0, r.toString());
        }
    }
}
