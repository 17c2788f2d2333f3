package cn.xuncha.models.boxes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.PixelBox;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The head on synthetic backbone features: map sizes follow the input, and it learns where a feature marks a centre. */
class BoxHeadTest {

    @Test
    void givesStride8MapsForAnyInputDivisibleBy16() {
        ComputationGraph head = BoxHead.create(1, 0.001, BackboneVariant.STANDARD);
        INDArray[] out = head.output(false, Nd4j.rand(new long[] {2, BackboneVariant.STANDARD.stride8Channels(), 32, 48}),
                Nd4j.rand(new long[] {2, BackboneVariant.STANDARD.deepChannels(), 16, 24}));
        assertArrayEquals(new long[] {2, 2, 32, 48}, out[0].shape());
        assertArrayEquals(new long[] {2, 4, 32, 48}, out[1].shape());
    }

    @Test
    void learnsACentreMarkedInTheStride8Features() {
        ComputationGraph head = BoxHead.create(2, 0.003, BackboneVariant.STANDARD);
        int size = 128, g = size / BoxNet.STRIDE;
        // one object at cell (x 5, y 10) of a 128-px input; channel 0 of the stride-8 features lights up there
        BoxTargets t = BoxTargets.encode(List.of(new PixelBox(5 * 8 - 24, 10 * 8 - 24, 56, 56)), size, size);
        INDArray s8 = Nd4j.rand(new long[] {2, BackboneVariant.STANDARD.stride8Channels(), g, g}).muli(0.1);
        s8.get(NDArrayIndex.all(), NDArrayIndex.point(0), NDArrayIndex.point(10), NDArrayIndex.point(5)).assign(3);
        INDArray deep = Nd4j.rand(new long[] {2, BackboneVariant.STANDARD.deepChannels(), g / 2, g / 2}).muli(0.1);
        INDArray heat = Nd4j.create(t.heat(), new long[] {1, 2, g, g}, 'c').repeat(0, 2);
        INDArray box = Nd4j.create(t.box(), new long[] {1, 4, g, g}, 'c').repeat(0, 2);
        INDArray mask = Nd4j.create(t.boxMask(), new long[] {1, 1, g, g}, 'c').repeat(0, 2);
        MultiDataSet ds = new MultiDataSet(new INDArray[] {s8, deep}, new INDArray[] {heat, box}, null, new INDArray[] {null, mask});
        for (int i = 0; i < 80; i++) head.fit(ds);
        INDArray centre = head.output(false, s8, deep)[0].get(NDArrayIndex.point(0), NDArrayIndex.point(1));
        float atObject = centre.getFloat(10, 5);
        float elsewhere = centre.getFloat(3, 13);
        assertTrue(atObject > 0.5 && elsewhere < 0.2, "centre score " + atObject + " at the object, " + elsewhere + " elsewhere");
    }
}
