package cn.xuncha.models;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.CropFeatures;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PixelBox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The box detector's second stage on pre-trained features: each box's padded square crop goes through the same frozen
 * backbone as the box head ({@link Backbone}), is pooled ({@link CropFeatures}) and scored by a small trained network.
 * It sees a bag at 96 px whatever its size in the frame, with features learned on COCO, where the patch classifier
 * sees 32 px of its own features learned from 952 photos. The backbone is the box detector's and is not closed here.
 */
public final class FeatureVerifier implements CropScorer, AutoCloseable {
    public static final String MODEL_NAME = "garbage-verifier-features";
    /** Crop side in pixels (a multiple of the backbone's 32, so its deep map is 6x6). */
    public static final int CROP = 96;
    private static final int CHUNK = 64;

    private final MultiLayerNetwork net;
    private final Backbone backbone;
    private final ModelMetadata metadata;

    public FeatureVerifier(MultiLayerNetwork net, Backbone backbone, ModelMetadata metadata) {
        this.net = net;
        this.backbone = backbone;
        this.metadata = metadata;
    }

    /** Batch-normalised pooled features, two ReLU layers with dropout, softmax over background/garbage. */
    public static MultiLayerNetwork create(long seed, int inputs, double learningRate) {
        MultiLayerNetwork n = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(learningRate)).weightInit(WeightInit.RELU).l2(1e-4)
                .list()
                .layer(new BatchNormalization.Builder().build())
                .layer(new DropoutLayer(0.8))
                .layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build())
                .layer(new DropoutLayer(0.5))
                .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(inputs))
                .build());
        n.init();
        return n;
    }

    /** The verifier shipped for this box model (models/trained/NAME.*), if one was trained on its proposals and backbone. */
    public static Optional<FeatureVerifier> loadShipped(cn.xuncha.models.boxes.BoxDetector boxes) {
        if (boxes.backbone() == null) return Optional.empty();
        String base = GarbageClassifier.RESOURCE_DIR + MODEL_NAME;
        try (InputStream m = FeatureVerifier.class.getResourceAsStream(base + ".zip");
             InputStream j = FeatureVerifier.class.getResourceAsStream(base + ".json")) {
            if (m == null || j == null) return Optional.empty();
            ModelMetadata meta = ModelFiles.readMetadata(j);
            if (!fits(meta, boxes)) return Optional.empty();
            return Optional.of(new FeatureVerifier(ModelSerializer.restoreMultiLayerNetwork(m, false), boxes.backbone(), meta));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model " + base + ".zip", e);
        }
    }

    /** A verifier zip with its .json beside it, for this box model; refused when trained for another. */
    public static FeatureVerifier load(Path zip, cn.xuncha.models.boxes.BoxDetector boxes) throws IOException {
        ModelMetadata meta = metadataOf(zip);
        if (!Files.isRegularFile(zip)) throw new IOException("verifier not found: " + zip);
        if (boxes.backbone() == null || !fits(meta, boxes)) {
            throw new IOException(zip + " was trained for another box model or backbone than " + boxes.description());
        }
        return new FeatureVerifier(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(Files.readAllBytes(zip)), false),
                boxes.backbone(), meta);
    }

    /** Whether this model zip's metadata is a feature verifier's (it names backbone weights), not a patch classifier's. */
    public static boolean isOne(Path zip) throws IOException {
        ModelMetadata meta = metadataOf(zip);
        return meta.inputSize() == CROP && meta.training() != null && meta.training().containsKey(Backbone.SHA_KEY);
    }

    private static ModelMetadata metadataOf(Path zip) throws IOException {
        Path json = ModelFiles.metadataPath(zip);
        if (!Files.isRegularFile(json)) throw new IOException("model metadata not found: " + json);
        try (InputStream j = Files.newInputStream(json)) {
            return ModelFiles.readMetadata(j);
        }
    }

    private static boolean fits(ModelMetadata meta, cn.xuncha.models.boxes.BoxDetector boxes) {
        return VerifiedDetector.trainedOn(meta, boxes.sha256())
                && boxes.backbone().sha256().equals(meta.training().get(Backbone.SHA_KEY));
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public int cropSize() {
        return CROP;
    }

    @Override
    public String stageName() {
        return "feature verifier";
    }

    @Override
    public float[] scoreBatch(List<Mat> bgrCrops) {
        float[] out = new float[bgrCrops.size()];
        for (int start = 0; start < bgrCrops.size(); start += CHUNK) {
            List<Mat> resized = new ArrayList<>();
            try {
                for (int i = start; i < Math.min(bgrCrops.size(), start + CHUNK); i++) {
                    Mat c = bgrCrops.get(i);
                    double side = Math.max(c.cols(), c.rows());
                    resized.add(Crops.window(c, new PixelBox((c.cols() - side) / 2, (c.rows() - side) / 2, side, side), CROP));
                }
                float[] s = scoreFeatures(CropFeatures.of(backbone.features(resized)));
                System.arraycopy(s, 0, out, start, s.length);
            } finally {
                resized.forEach(Mat::close);
            }
        }
        return out;
    }

    /** Garbage probability per row of pooled features [n, length]. */
    public synchronized float[] scoreFeatures(INDArray features) {
        INDArray p = net.output(features, false);
        float[] out = new float[(int) features.size(0)];
        for (int i = 0; i < out.length; i++) out[i] = p.getFloat(i, 1);
        return out;
    }

    @Override
    public void close() {
        net.close();
    }
}
