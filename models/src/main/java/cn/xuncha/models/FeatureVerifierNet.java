package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BackboneVariant;
import cn.xuncha.models.boxes.CropFeatures;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PatchSampler;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
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
        return create(seed, inputs, learningRate, 1);
    }

    /**
     * {@code members} such networks side by side on the same feature row, each initialised apart and trained on the
     * same targets: member 0's layers and outputs carry the names above, member k's end in "_k". The verifier
     * averages their outputs ({@link #members}), an ensemble in one graph that trains and saves as one network.
     */
    public static ComputationGraph create(long seed, int inputs, double learningRate, int members) {
        if (members < 1) throw new IllegalArgumentException("a verifier needs at least one member, got " + members);
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.RELU).l2(1e-4)
                .graphBuilder()
                .addInputs("features");
        List<String> outputs = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            String s = k == 0 ? "" : "_" + k;
            g.addLayer("norm" + s, new BatchNormalization.Builder().build(), "features")
                    .addLayer("drop0" + s, new DropoutLayer(0.8), "norm" + s)
                    .addLayer("hidden1" + s, new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build(), "drop0" + s)
                    .addLayer("drop1" + s, new DropoutLayer(0.5), "hidden1" + s)
                    .addLayer("hidden2" + s, new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build(), "drop1" + s)
                    .addLayer("iou" + s, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(1).activation(Activation.SIGMOID).build(), "hidden2" + s)
                    .addLayer("boxHidden" + s, new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build(), "drop1" + s)
                    .addLayer("box" + s, new OutputLayer.Builder(new LossL1()).nOut(4).activation(Activation.IDENTITY).build(), "boxHidden" + s);
            outputs.add("iou" + s);
            outputs.add("box" + s);
        }
        ComputationGraph n = new ComputationGraph(g.setOutputs(outputs.toArray(String[]::new)).setInputTypes(InputType.feedForward(inputs)).build());
        n.init();
        return n;
    }

    /** How many members a verifier network holds: its outputs come in ("iou", "box") pairs, one per member. */
    public static int members(ComputationGraph net) {
        return net.getNumOutputArrays() / 2;
    }

    /** The members' outputs averaged: [n, 1] expected IoU and [n, 4] deltas (one member's as they are). */
    public static INDArray[] averaged(INDArray[] outputs) {
        if (outputs.length == 2) return outputs;
        INDArray iou = outputs[0].dup(), box = outputs[1].dup();
        for (int k = 2; k < outputs.length; k += 2) {
            iou.addi(outputs[k]);
            box.addi(outputs[k + 1]);
        }
        int members = outputs.length / 2;
        return new INDArray[] {iou.divi(members), box.divi(members)};
    }

    /** Length of a feature row for this backbone and layout: the pooled crop features and the box's log aspect ratio. */
    public static int inputs(BackboneVariant v, CropFeatures.Layout layout) {
        return CropFeatures.length(v, layout) + 1;
    }

    /** Feature rows [n, {@link #inputs}] of square crops cut at {@link FeatureVerifier#CROP} px and their boxes' log aspects. */
    public static INDArray features(Backbone backbone, List<Mat> crops, double[] logAspects, CropFeatures.Layout layout) {
        return features(backbone, crops, null, logAspects, layout);
    }

    /**
     * As {@link #features(Backbone, List, double[], CropFeatures.Layout)}, with each box's context crop (cut at
     * {@link CropFeatures.Layout#contextPad}) for the context layout; null there: made from the crops ({@link #contextOf}).
     */
    public static INDArray features(Backbone backbone, List<Mat> crops, List<Mat> contexts, double[] logAspects, CropFeatures.Layout layout) {
        if (layout.contextPad() > 0 && contexts == null) {
            List<Mat> made = crops.stream().map(c -> contextOf(c, layout.contextPad())).toList();
            try {
                return features(backbone, crops, made, logAspects, layout);
            } finally {
                made.forEach(Mat::close);
            }
        }
        INDArray pooled = layout.contextPad() > 0
                ? CropFeatures.of(backbone.features(crops), backbone.features(contexts), layout)
                : CropFeatures.of(backbone.features(crops), layout);
        return Nd4j.hstack(pooled, Nd4j.createFromArray(logAspects).castTo(pooled.dataType()).reshape(logAspects.length, 1));
    }

    /**
     * A context crop for a crop whose surroundings are unknown (a reviewed crop): the crop shrunk to its place in the
     * middle, the rest the grey that {@link Crops#window} puts outside a frame.
     */
    public static Mat contextOf(Mat crop, double contextPad) {
        int side = crop.cols(), inner = (int) Math.round(side * PatchSampler.CROP_PAD / contextPad), at = (side - inner) / 2;
        Mat out = new Mat(side, side, crop.type(), new Scalar(Crops.FILL, Crops.FILL, Crops.FILL, 0));
        try (Mat small = new Mat(); Rect r = new Rect(at, at, inner, inner); Mat roi = new Mat(out, r)) {
            resize(crop, small, new Size(inner, inner), 0, 0, INTER_AREA);
            small.copyTo(roi);
        }
        return out;
    }

    /** log(w / h), bounded: the box's shape, which its square crop does not show. */
    public static double logAspect(double w, double h) {
        return w <= 0 || h <= 0 ? 0 : Math.max(-2, Math.min(2, Math.log(w / h)));
    }

}
