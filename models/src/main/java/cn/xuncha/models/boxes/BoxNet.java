package cn.xuncha.models.boxes;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Centre-point box detector (CenterNet-style, sized for a 2-core CPU): a fully-convolutional backbone to stride 8,
 * dilated layers for a receptive field of ~260 px, and two 1x1 heads per output cell — "heat" (background/garbage
 * centre, softmax) and "box" (centre offset in cells, log width and height relative to {@link #SIZE_UNIT} px).
 * Any input size divisible by {@link #STRIDE} works; training uses {@link #TRAIN_INPUT}-px squares.
 */
public final class BoxNet {
    public static final int STRIDE = 8;
    public static final int TRAIN_INPUT = 256;
    public static final double SIZE_UNIT = 64;
    /** Weight of the garbage-centre class in the heat loss: centres are rare among cells. */
    static final double CENTRE_WEIGHT = 4;

    private BoxNet() {}

    public static ComputationGraph create(long seed, double learningRate) {
        GraphBuilder g = graph(seed, learningRate)
                .addInputs("image")
                .addLayer("c1", conv(3, 2, 1, 16), "image")   // /2
                .addLayer("c2", conv(3, 2, 1, 32), "c1")      // /4
                .addLayer("c3", conv(3, 1, 1, 32), "c2")
                .addLayer("c4", conv(3, 2, 1, 64), "c3")      // /8
                .addLayer("c5", conv(3, 1, 1, 64), "c4")
                .addLayer("c6", conv(3, 1, 2, 64), "c5")
                .addLayer("c7", conv(3, 1, 4, 64), "c6")
                .addLayer("c8", conv(3, 1, 8, 64), "c7");
        addHeads(g, "c8").setInputTypes(InputType.convolutional(TRAIN_INPUT, TRAIN_INPUT, 3));
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /** The training settings every box network shares (Adam, ReLU init, light L2, same-padding convolutions). */
    static GraphBuilder graph(long seed, double learningRate) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .l2(1e-5)
                .convolutionMode(ConvolutionMode.Same)
                .graphBuilder();
    }

    /** The "heat" and "box" outputs on features at stride 8: what {@link BoxDecoder} and {@link BoxTraining} expect. */
    static GraphBuilder addHeads(GraphBuilder g, String features) {
        return g.addLayer("heatLogits", new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build(), features)
                .addLayer("boxRaw", new ConvolutionLayer.Builder(1, 1).nOut(4).activation(Activation.IDENTITY).build(), features)
                .addLayer("heat", new CnnLossLayer.Builder(new LossMCXENT(Nd4j.createFromArray(1f, (float) CENTRE_WEIGHT)))
                        .activation(Activation.SOFTMAX).build(), "heatLogits")
                .addLayer("box", new CnnLossLayer.Builder(new LossL1()).activation(Activation.IDENTITY).build(), "boxRaw")
                .setOutputs("heat", "box");
    }

    private static ConvolutionLayer conv(int k, int stride, int dilation, int out) {
        return new ConvolutionLayer.Builder(k, k).stride(stride, stride).dilation(dilation, dilation).nOut(out)
                .activation(Activation.RELU).build();
    }
}
