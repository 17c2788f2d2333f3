package cn.xuncha.models.boxes;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;

/**
 * {@link BoxNet}'s "heat" and "box" heads on a frozen {@link Backbone}: the stride-16 features are upsampled and
 * merged with the stride-8 ones, then 1x1 and two 3x3 convolutions (one dilated, for context around a pile) feed
 * the same per-cell heads, so targets and decoding are unchanged. Inputs "s8" and "deep", in that order, with the
 * channel counts of the backbone variant it is built for.
 */
public final class BoxHead {

    private BoxHead() {}

    public static ComputationGraph create(long seed, double learningRate, BackboneVariant backbone) {
        int g = BoxNet.TRAIN_INPUT / BoxNet.STRIDE;
        GraphBuilder b = BoxNet.graph(seed, learningRate)
                .addInputs("s8", "deep")
                .addLayer("up", new Upsampling2D.Builder(2).build(), "deep")
                .addVertex("fuse", new MergeVertex(), "s8", "up")
                .addLayer("h1", conv(1, 1, 96), "fuse")
                .addLayer("h2", conv(3, 1, 64), "h1")
                .addLayer("h3", conv(3, 2, 64), "h2");
        BoxNet.addHeads(b, "h3").setInputTypes(InputType.convolutional(g, g, backbone.stride8Channels()),
                InputType.convolutional(g / 2, g / 2, backbone.deepChannels()));
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int k, int dilation, int out) {
        return new ConvolutionLayer.Builder(k, k).dilation(dilation, dilation).nOut(out).activation(Activation.RELU).build();
    }
}
