package cn.xuncha.models;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BackboneVariant;
import cn.xuncha.models.boxes.CropFeatures;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossL1;

/** What {@link FeatureVerifier} computes on: a crop's feature row (backbone features pooled, box aspect) and the network on it. */
public final class FeatureVerifierNet {

    private FeatureVerifierNet() {}

    /**
     * Batch-normalised pooled features and aspect, two ReLU layers with dropout; outputs "iou" (a sigmoid for the
     * expected IoU) and, through a ReLU layer of its own, "box" (the deltas onto the bag, L1 loss, masked where a
     * proposal is not on a bag).
     */
    public static ComputationGraph create(long seed, int inputs, double learningRate) {
        ComputationGraph n = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.RELU).l2(1e-4)
                .graphBuilder()
                .addInputs("features")
                .addLayer("norm", new BatchNormalization.Builder().build(), "features")
                .addLayer("drop0", new DropoutLayer(0.8), "norm")
                .addLayer("hidden1", new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), "drop0")
                .addLayer("drop1", new DropoutLayer(0.5), "hidden1")
                .addLayer("hidden2", new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build(), "drop1")
                .addLayer("iou", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build(), "hidden2")
                .addLayer("boxHidden", new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "drop1")
                .addLayer("box", new OutputLayer.Builder(new LossL1()).nOut(4).activation(Activation.IDENTITY).build(), "boxHidden")
                .setOutputs("iou", "box")
                .setInputTypes(InputType.feedForward(inputs))
                .build());
        n.init();
        return n;
    }

    /** Length of a feature row for this backbone and layout: the pooled crop features and the box's log aspect ratio. */
    public static int inputs(BackboneVariant v, CropFeatures.Layout layout) {
        return CropFeatures.length(v, layout) + 1;
    }

    /** Feature rows [n, {@link #inputs}] of square crops cut at {@link FeatureVerifier#CROP} px and their boxes' log aspects. */
    public static INDArray features(Backbone backbone, List<Mat> crops, double[] logAspects, CropFeatures.Layout layout) {
        INDArray pooled = CropFeatures.of(backbone.features(crops), layout);
        return Nd4j.hstack(pooled, Nd4j.createFromArray(logAspects).castTo(pooled.dataType()).reshape(logAspects.length, 1));
    }

    /** log(w / h), bounded: the box's shape, which its square crop does not show. */
    public static double logAspect(double w, double h) {
        return w <= 0 || h <= 0 ? 0 : Math.max(-2, Math.min(2, Math.log(w / h)));
    }

}
