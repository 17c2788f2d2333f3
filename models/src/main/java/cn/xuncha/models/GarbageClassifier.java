package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.net.GarbageNet;
import cn.xuncha.models.net.MatTensors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Garbage probability (0..1) for BGR crops, backed by the trained CNN. Thread-safe: calls are serialised on this
 * instance; for parallel throughput give each worker thread its own instance ({@link #load}/{@link #loadDefault},
 * ~1 MB, tens of ms). Crops should be squares around the object with side max(w,h)*{@link ModelMetadata#cropPadding()}.
 */
public final class GarbageClassifier implements CropScorer, AutoCloseable {

    public static final String RESOURCE_DIR = "/cn/xuncha/models/trained/";
    public static final String MODEL_NAME = "garbage-cnn";
    private static final int CHUNK = 256;

    private final MultiLayerNetwork net;
    private final ModelMetadata metadata;

    public GarbageClassifier(MultiLayerNetwork net, ModelMetadata metadata) {
        this.net = net;
        this.metadata = metadata;
    }

    /** The committed model shipped on the classpath (models/trained/). */
    public static GarbageClassifier loadDefault() {
        return loadShipped(MODEL_NAME).orElseThrow(() -> new IllegalStateException("no trained model on the classpath at "
                + RESOURCE_DIR + MODEL_NAME + ".zip (run ./xuncha train, which writes models/trained/)"));
    }

    /** A classifier-shaped model shipped on the classpath under this name (models/trained/NAME.zip + .json), if any. */
    public static Optional<GarbageClassifier> loadShipped(String name) {
        String zip = RESOURCE_DIR + name + ".zip";
        try (InputStream m = GarbageClassifier.class.getResourceAsStream(zip);
             InputStream j = GarbageClassifier.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
            if (m == null || j == null) return Optional.empty();
            return Optional.of(new GarbageClassifier(ModelSerializer.restoreMultiLayerNetwork(m, false), ModelFiles.readMetadata(j)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped model " + zip, e);
        }
    }

    /** A model zip with its metadata JSON next to it (same base name, .json). */
    public static GarbageClassifier load(Path modelZip) throws IOException {
        if (!Files.isRegularFile(modelZip)) throw new IOException("model file not found: " + modelZip.toAbsolutePath());
        Path json = ModelFiles.metadataPath(modelZip);
        if (!Files.isRegularFile(json)) throw new IOException("model metadata not found: " + json.toAbsolutePath());
        try (InputStream j = Files.newInputStream(json)) {
            return new GarbageClassifier(ModelSerializer.restoreMultiLayerNetwork(modelZip.toFile(), false),
                    ModelFiles.readMetadata(j));
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The underlying network (training and fine-tuning only). */
    public MultiLayerNetwork network() {
        return net;
    }

    @Override
    public int cropSize() {
        return metadata.inputSize();
    }

    public float score(Mat bgrCrop) {
        return scoreBatch(List.of(bgrCrop))[0];
    }

    /** One probability per crop; crops of any size (non-square ones are padded to square with grey, not stretched). */
    @Override
    public float[] scoreBatch(List<Mat> bgrCrops) {
        float[] out = new float[bgrCrops.size()];
        int size = metadata.inputSize();
        for (int start = 0; start < bgrCrops.size(); start += CHUNK) {
            List<Mat> resized = new ArrayList<>();
            try {
                for (int i = start; i < Math.min(bgrCrops.size(), start + CHUNK); i++) {
                    Mat c = bgrCrops.get(i);
                    double side = Math.max(c.cols(), c.rows());
                    resized.add(Crops.window(c, new PixelBox((c.cols() - side) / 2, (c.rows() - side) / 2, side, side), size));
                }
                INDArray p = outputSerialised(MatTensors.batch(resized));
                for (int i = 0; i < resized.size(); i++) out[start + i] = p.getFloat(i, 1, 0, 0);
            } finally {
                resized.forEach(Mat::close);
            }
        }
        return out;
    }

    /** Scores pre-normalised input tensors [n,3,S,S] (training-time evaluation). */
    public float[] scoreTensor(INDArray input) {
        INDArray p = outputSerialised(input);
        float[] out = new float[(int) input.size(0)];
        for (int i = 0; i < out.length; i++) out[i] = p.getFloat(i, 1, 0, 0);
        return out;
    }

    /**
     * Dense scan: the image (already scaled so one window = inputSize pixels) padded by {@code pad} grey pixels,
     * scored at every {@link GarbageNet#STRIDE}-pixel offset. map[r][c] is the window at (c*STRIDE-pad, r*STRIDE-pad).
     */
    public float[][] scoreMap(Mat bgrImage, int pad) {
        try (Mat padded = new Mat()) {
            copyMakeBorder(bgrImage, padded, pad, pad, pad, pad, BORDER_CONSTANT,
                    new Scalar(Crops.FILL, Crops.FILL, Crops.FILL, 0));
            INDArray p = outputSerialised(MatTensors.batch(List.of(padded)));
            int rows = (int) p.size(2), cols = (int) p.size(3);
            float[][] map = new float[rows][cols];
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) map[r][c] = p.getFloat(0, 1, r, c);
            return map;
        }
    }

    private synchronized INDArray outputSerialised(INDArray input) {
        return net.output(input, false);
    }

    @Override
    public void close() {
        net.close();
    }
}
