package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImages;
import static org.bytedeco.opencv.global.opencv_dnn.readNetFromDarknet;

import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.data.SharedPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_dnn.Net;
import org.bytedeco.opencv.opencv_core.StringVector;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A frozen, pre-trained feature extractor run through OpenCV DNN: a Yolo-Fastest 1.1 {@link BackboneVariant} (public
 * domain, COCO; Darknet files, not shipped here). It gives {@link BoxHead} two maps per image: stride-8 features and
 * the stride-16 features of its second detection branch (which have seen stride 32 through its SPP block). Calls are
 * serialised (one OpenCV net).
 */
public final class Backbone implements AutoCloseable {
    /** Metadata keys a head records: which backbone, and the digest of the weights it was trained on. */
    public static final String NAME_KEY = "backbone", SHA_KEY = "backbone_weights_sha256";
    /** Where the Darknet files are looked for: this property or environment variable, else shared/models/yolo-fastest. */
    public static final String DIR_VARIABLE = "XUNCHA_BACKBONE_DIR";
    /** OpenCV's names for Yolo-Fastest layer 58's activation (stride 8) and layer 128's batch norm (stride 16). */
    private static final String STRIDE8 = "leaky_59", DEEP = "bn_128";
    /** Input sides must be multiples of this (its deepest stride). */
    public static final int SIZE_UNIT = 32;

    private final Net net;
    private final BackboneVariant variant;
    private final String sha256;
    private final byte[] weights;
    /** The .cfg file's bytes and where they were read from: tuned networks are built from them, not from a re-read. */
    private final byte[] cfg;
    private final Path cfgPath;

    /** Builds OpenCV's network from the Darknet files' bytes (each file is read once, and its digest checked there). */
    private Backbone(BackboneVariant variant, Path cfgPath, byte[] cfg, byte[] weights) {
        try (BytePointer c = new BytePointer(cfg); BytePointer w = new BytePointer(weights)) {
            this.net = readNetFromDarknet(c, cfg.length, w, weights.length);
        }
        this.variant = variant;
        this.cfgPath = cfgPath;
        this.cfg = cfg;
        this.weights = weights;
        this.sha256 = ModelFiles.sha256(weights);
    }

    /** The directory the Darknet files are expected in. */
    public static Path directory() {
        String p = System.getProperty(DIR_VARIABLE, System.getenv(DIR_VARIABLE));
        if (p != null && !p.isBlank()) return Path.of(p);
        return SharedPaths.root().resolve("models").resolve("yolo-fastest");
    }

    public static Path cfg(Path dir, BackboneVariant v) {
        return dir.resolve(v.fileName() + ".cfg");
    }

    public static Path weights(Path dir, BackboneVariant v) {
        return dir.resolve(v.fileName() + ".weights");
    }

    /** Opens the variant's files in dir; fails with the missing file named. */
    public static Backbone open(Path dir, BackboneVariant v) throws IOException {
        return open(dir, v, null);
    }

    /** The variant a head's training metadata names. */
    public static BackboneVariant variantOf(Map<String, Object> training) throws IOException {
        try {
            return BackboneVariant.named(String.valueOf(training.get(NAME_KEY)));
        } catch (IllegalArgumentException e) {
            throw new IOException("box head metadata: " + e.getMessage(), e);
        }
    }

    /** Opens the backbone a head was trained on, checking the weights are the same file. */
    public static Backbone forHead(Map<String, Object> training) throws IOException {
        Object want = training.get(SHA_KEY);
        return open(directory(), variantOf(training), want == null ? null : want.toString());
    }

    private static Backbone open(Path dir, BackboneVariant v, String expectedSha) throws IOException {
        byte[] weights = checkedWeights(dir, v, expectedSha);
        try {
            return new Backbone(v, cfg(dir, v), Files.readAllBytes(cfg(dir, v)), weights);
        } catch (RuntimeException e) { // OpenCV's parser reports a bad file as an unchecked exception
            throw new IOException("cannot read the backbone in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * This network with a tuned head's layers ({@link BoxHead#createTuned}) written into its weights, so that OpenCV
     * runs the whole tuned network at the frozen one's speed. Its digest is that of the patched weights.
     */
    public Backbone withTunedLayers(ComputationGraph tuned) throws IOException {
        byte[] patched = tail(TailStart.of(tuned)).patch(tuned, weights);
        try {
            return new Backbone(variant, cfgPath, cfg, patched);
        } catch (RuntimeException e) {
            throw new IOException("cannot build the tuned backbone from " + cfgPath + ": " + e.getMessage(), e);
        }
    }

    /** The layers a tuned head starting there holds (start..{@link BoxHead#TAIL_LAST}) of this network's cfg. */
    public DarknetTail tail(TailStart start) throws IOException {
        DarknetCfg parsed = DarknetCfg.parse(new String(cfg, StandardCharsets.UTF_8).lines().toList(), cfgPath.toString());
        return new DarknetTail(parsed, start.firstLayer(), BoxHead.TAIL_LAST);
    }

    private static byte[] checkedWeights(Path dir, BackboneVariant v, String expectedSha) throws IOException {
        for (Path f : List.of(cfg(dir, v), weights(dir, v))) {
            if (!Files.isRegularFile(f)) {
                throw new IOException("backbone file not found: " + f.toAbsolutePath() + " (set " + DIR_VARIABLE + ")");
            }
        }
        byte[] weights = Files.readAllBytes(weights(dir, v));
        if (expectedSha != null && !expectedSha.equals(ModelFiles.sha256(weights))) {
            throw new IOException("backbone weights " + weights(dir, v) + " differ from those the box head was trained on");
        }
        return weights;
    }

    public String sha256() {
        return sha256;
    }

    /** The Darknet weights this net runs (a tuned head's layers written in, by {@link #withTunedLayers}). */
    public byte[] weightsFile() {
        return weights.clone();
    }

    public BackboneVariant variant() {
        return variant;
    }

    /**
     * Features of equally sized BGR images whose sides are multiples of {@link #SIZE_UNIT}: [stride-8 maps
     * [n,c8,h/8,w/8], stride-16 maps [n,c16,h/16,w/16]] with the variant's channel counts.
     */
    public INDArray[] features(List<Mat> bgr) {
        return maps(bgr, STRIDE8, DEEP);
    }

    /**
     * The stride-8 maps and those where the tail starts (OpenCV stops there): the inputs of a head that holds the
     * deeper layers. A tail from layer 59 reads the stride-8 map itself, computed once for both inputs.
     */
    public INDArray[] tailInputs(List<Mat> bgr, TailStart start) {
        if (start.openCvInput().equals(STRIDE8)) {
            INDArray s8 = maps(bgr, STRIDE8)[0];
            return new INDArray[] {s8, s8};
        }
        return maps(bgr, STRIDE8, start.openCvInput());
    }

    private synchronized INDArray[] maps(List<Mat> bgr, String... layers) {
        int w = bgr.get(0).cols(), h = bgr.get(0).rows();
        if (w % SIZE_UNIT != 0 || h % SIZE_UNIT != 0) {
            throw new IllegalArgumentException("backbone input " + w + "x" + h + " is not a multiple of " + SIZE_UNIT);
        }
        try (MatVector in = new MatVector(bgr.toArray(new Mat[0]));
             Mat blob = blobFromImages(in, 1 / 255.0, new Size(w, h), new Scalar(0.0), true, false, CV_32F);
             MatVector outs = new MatVector();
             StringVector names = new StringVector(layers)) {
            net.setInput(blob);
            net.forward(outs, names);
            INDArray[] out = new INDArray[layers.length];
            for (int i = 0; i < out.length; i++) out[i] = tensor(outs.get(i));
            return out;
        }
    }

    private static INDArray tensor(Mat m) {
        long[] shape = {m.size(0), m.size(1), m.size(2), m.size(3)};
        float[] f = new float[(int) m.total()];
        new FloatPointer(m.data()).get(f);
        return Nd4j.create(f, shape, 'c');
    }

    @Override
    public synchronized void close() {
        net.close();
    }
}
