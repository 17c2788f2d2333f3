package cn.xuncha.models.net;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Compact fully-convolutional CNN, sized for a shared 2-core CPU (no batch norm: it doubles DL4J CPU inference time): a 32x32 crop maps to a 1x1 two-class output, so the same weights scan a whole
 * image in one pass (valid convolutions keep dense and crop scores identical at offsets that are multiples of 4).
 */
public final class GarbageNet {

    public static final int INPUT = 32;
    /** Pixel step between neighbouring outputs of a dense scan, in network input pixels. */
    public static final int STRIDE = 4;

    private GarbageNet() {}

    public static MultiLayerNetwork create(long seed, double learningRate) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.RELU)
                .l2(1e-4)
                .convolutionMode(ConvolutionMode.Truncate)
                .list()
                .layer(conv(3, 1, 16))                                // 32 -> 30
                .layer(pool())                                        // 15
                .layer(conv(3, 1, 32))                                // 13
                .layer(pool())                                        // 6
                .layer(conv(3, 1, 64))                                // 4
                .layer(conv(4, 1, 64))                                // 1
                .layer(new DropoutLayer(0.6))
                .layer(new ConvolutionLayer.Builder(1, 1).nOut(2).activation(Activation.IDENTITY).build())
                .layer(new CnnLossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(INPUT, INPUT, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static ConvolutionLayer conv(int k, int stride, int out) {
        return new ConvolutionLayer.Builder(k, k).stride(stride, stride).nOut(out).activation(Activation.RELU).build();
    }

    private static SubsamplingLayer pool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build();
    }
}
