package cn.xuncha.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.net.GarbageNet;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keeping and restoring the best epoch's parameters. */
class BestEpochTest {

    @Test
    void restoresTheParametersOfTheHighestScoringEpoch() {
        MultiLayerNetwork net = GarbageNet.create(1, 0.001);
        BestEpoch best = BestEpoch.none();
        assertTrue(best.offer(1, 0.70, net));
        net.params().addi(1.0);
        INDArray second = net.params().dup();
        assertTrue(best.offer(2, 0.80, net));
        net.params().addi(1.0);
        assertFalse(best.offer(3, 0.80, net), "a tie keeps the earlier epoch");
        best.restore(net);
        assertEquals(second, net.params());
        assertEquals(2, best.epoch());
        assertEquals(0.80, best.score());
    }

    @Test
    void fineTuningKeepsTheNetworkAsGivenUnlessAnEpochBeatsIt() {
        MultiLayerNetwork net = GarbageNet.create(1, 0.001);
        INDArray given = net.params().dup();
        BestEpoch best = BestEpoch.startingFrom(net, 0.9);
        net.params().addi(1.0);
        assertFalse(best.offer(1, 0.85, net));
        best.restore(net);
        assertEquals(given, net.params());
        assertEquals(0, best.epoch());
    }

    @Test
    void restoringBeforeAnyEpochIsAnError() {
        assertThrows(IllegalStateException.class, () -> BestEpoch.none().restore(GarbageNet.create(1, 0.001)));
    }
}
