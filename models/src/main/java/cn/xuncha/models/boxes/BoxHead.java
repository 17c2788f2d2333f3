package cn.xuncha.models.boxes;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * {@link BoxNet}'s "heat" and "box" heads on a frozen {@link Backbone}: the stride-16 features are upsampled and
 * merged with the stride-8 ones, then 1x1 and two 3x3 convolutions (one dilated, for context around a pile) feed
 * the same per-cell heads, so targets and decoding are unchanged. Inputs "s8" and "deep", in that order.
 */
public final class BoxHead {

    private BoxHead() {}

    public static ComputationGraph create(long seed, double learningRate) {
        int g = BoxNet.TRAIN_INPUT / BoxNet.STRIDE;
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .l2(1e-5)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder()
                .addInputs("s8", "deep")
                .addLayer("up", new Upsampling2D.Builder(2).build(), "deep")
                .addVertex("fuse", new MergeVertex(), "s8", "up")
                .addLayer("h1", conv(1, 1, 96), "fuse")
                .addLayer("h2", conv(3, 1, 64), "h1")
                .addLayer("h3", conv(3, 2, 64), "h2")
                .addLayer("heatLogits", new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build(), "h3")
                .addLayer("boxRaw", new ConvolutionLayer.Builder(1, 1).nOut(4).activation(Activation.IDENTITY).build(), "h3")
                .addLayer("heat", new CnnLossLayer.Builder(new LossMCXENT(Nd4j.createFromArray(1f, (float) BoxNet.CENTRE_WEIGHT)))
                        .activation(Activation.SOFTMAX).build(), "heatLogits")
                .addLayer("box", new CnnLossLayer.Builder(new LossL1()).activation(Activation.IDENTITY).build(), "boxRaw")
                .setOutputs("heat", "box")
                .setInputTypes(InputType.convolutional(g, g, Backbone.STRIDE8_CHANNELS),
                        InputType.convolutional(g / 2, g / 2, Backbone.DEEP_CHANNELS))
                .build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int k, int dilation, int out) {
        return new ConvolutionLayer.Builder(k, k).dilation(dilation, dilation).nOut(out).activation(Activation.RELU).build();
    }
}
