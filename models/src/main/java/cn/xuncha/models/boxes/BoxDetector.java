package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import cn.xuncha.models.BoxProposer;
import cn.xuncha.models.Detection;
import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.net.MatTensors;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Single-image garbage boxes from the trained {@link BoxNet}, or a {@link BoxHead} on its {@link Backbone}: the photo is scaled so its shorter side is the model's
 * input size (longer side capped), run once on it and its mirror image (maps averaged), and decoded into boxes in
 * original pixels. Calls are serialised.
 */
public final class BoxDetector implements ImageDetector, BoxProposer {
    public static final String MODEL_NAME = "garbage-boxes";
    /** The box head on the pre-trained {@link Backbone}: preferred when the backbone's files are present. */
    public static final String PRETRAINED_MODEL_NAME = "garbage-boxes-pretrained";
    private static final String RESOURCE_DIR = "/cn/xuncha/models/trained/";
    /** Wide camera frames keep their aspect up to this ratio; beyond it the long side is capped (cost bound). */
    private static final double MAX_ASPECT = 2.0;

    private final ComputationGraph net;
    private final Backbone backbone;
    /** What the head reads its maps from: the backbone, or for a tuned head that network with its tuned layers. */
    private final Backbone headBackbone;
    private final ModelMetadata metadata;
    private final double threshold;
    private final String sha256;

    public BoxDetector(ComputationGraph net, ModelMetadata metadata, double threshold) {
        this(net, null, null, metadata, threshold, null);
    }

    /** A {@link BoxHead} on its backbone. */
    public BoxDetector(ComputationGraph head, Backbone backbone, ModelMetadata metadata, double threshold) {
        this(head, backbone, backbone, metadata, threshold, null);
    }

    /**
     * A head in its frozen form on a backbone its tuned layers were written into ({@link Backbone#withTunedLayers}); the
     * pre-trained backbone stays what {@link #backbone()} gives, for verifiers trained on its features (before session 20).
     */
    public BoxDetector(ComputationGraph head, Backbone backbone, Backbone tuned, ModelMetadata metadata, double threshold) {
        this(head, backbone, tuned, metadata, threshold, null);
    }

    /** @param sha256 digest of the model zip it was loaded from (null: not loaded from a file) */
    private BoxDetector(ComputationGraph net, Backbone backbone, Backbone headBackbone, ModelMetadata metadata, double threshold,
                        String sha256) {
        this.net = net;
        this.backbone = backbone;
        this.headBackbone = headBackbone;
        this.metadata = metadata;
        this.threshold = threshold;
        this.sha256 = sha256;
    }

    /**
     * The committed detector on the classpath (models/trained/): the head on the pre-trained backbone when that
     * ships and the backbone's files are found ({@link Backbone#directory()}), else the stand-alone network.
     */
    public static Optional<BoxDetector> loadDefault() {
        if (pretrainedBackboneFound()) {
            try {
                Optional<BoxDetector> pretrained = loadResource(PRETRAINED_MODEL_NAME);
                if (pretrained.isPresent()) return pretrained;
            } catch (UncheckedIOException e) {
                // e.g. other weights under the backbone's name: the stand-alone detector still works
                warnNotUsingPretrained(e.getCause().getMessage());
            }
        }
        return loadResource(MODEL_NAME);
    }

    /** Whether the Darknet weights the committed head was trained on are where {@link Backbone#directory()} says. */
    private static boolean pretrainedBackboneFound() {
        try {
            return pretrainedBackboneWeights().map(Files::isRegularFile).orElse(false);
        } catch (IOException e) {
            warnNotUsingPretrained(e.getMessage());
            return false;
        }
    }

    /**
     * Where the weights of the committed head's backbone are expected ({@link Backbone#directory()}), or empty when
     * no such head ships; so that a service can say why it runs the weaker stand-alone detector.
     */
    public static Optional<Path> pretrainedBackboneWeights() throws IOException {
        try (InputStream j = BoxDetector.class.getResourceAsStream(RESOURCE_DIR + PRETRAINED_MODEL_NAME + ".json")) {
            if (j == null) return Optional.empty();
            return Optional.of(Backbone.weights(Backbone.directory(), Backbone.variantOf(ModelFiles.readMetadata(j).training())));
        }
    }

    private static void warnNotUsingPretrained(String why) {
        System.getLogger(BoxDetector.class.getName()).log(System.Logger.Level.WARNING,
                "not using " + PRETRAINED_MODEL_NAME + ": " + why + "; using " + MODEL_NAME);
    }

    private static Optional<BoxDetector> loadResource(String name) {
        try (InputStream m = BoxDetector.class.getResourceAsStream(RESOURCE_DIR + name + ".zip");
             InputStream j = BoxDetector.class.getResourceAsStream(RESOURCE_DIR + name + ".json")) {
            if (m == null || j == null) return Optional.empty();
            return Optional.of(read(m.readAllBytes(), ModelFiles.readMetadata(j)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default box model " + name, e);
        }
    }

    public static BoxDetector load(Path modelZip) throws IOException {
        if (!Files.isRegularFile(modelZip)) throw new IOException("model file not found: " + modelZip.toAbsolutePath());
        Path json = ModelFiles.metadataPath(modelZip);
        if (!Files.isRegularFile(json)) throw new IOException("model metadata not found: " + json.toAbsolutePath());
        try (InputStream j = Files.newInputStream(json)) {
            return read(Files.readAllBytes(modelZip), ModelFiles.readMetadata(j));
        }
    }

    private static BoxDetector read(byte[] zip, ModelMetadata meta) throws IOException {
        ComputationGraph net = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), false);
        Backbone backbone = meta.training() != null && meta.training().containsKey(Backbone.NAME_KEY)
                ? Backbone.forHead(meta.training()) : null;
        if (BoxHead.isTuned(net)) {
            // OpenCV runs the tuned layers (written into the backbone's weights) far faster than DL4J does
            Backbone tuned = backbone.withTunedLayers(net);
            return new BoxDetector(BoxHead.frozenForm(net, tuned.variant()), backbone, tuned, meta, meta.detectionThreshold(),
                    ModelFiles.sha256(zip));
        }
        return new BoxDetector(net, backbone, backbone, meta, meta.detectionThreshold(), ModelFiles.sha256(zip));
    }

    /** Digest of the zip this model was loaded from (a verifier trained on its proposals names it), or null. */
    public String sha256() {
        return sha256;
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public ComputationGraph network() {
        return net;
    }

    /**
     * The pre-trained feature extractor the network is a head on (as the Darknet files have it, also under a tuned
     * head: verifiers from before session 20 read their crop features here), or null for a stand-alone network.
     */
    public Backbone backbone() {
        return backbone;
    }

    /** The network the head reads its maps from: {@link #backbone()}, or with a tuned head's layers written in. */
    public Backbone headBackbone() {
        return headBackbone;
    }

    @Override
    public double detectionThreshold() {
        return threshold;
    }

    /** Centre scores are calibrated lower than window scores (soft centre targets). */
    @Override
    public double lowestUsefulThreshold() {
        return 0.15;
    }

    @Override
    public String description() {
        return backbone == null ? "box detector alone" : "box head on " + backbone.variant().fileName() + " alone";
    }

    @Override
    public BoxDetector withThreshold(double t) {
        return new BoxDetector(net, backbone, headBackbone, metadata, t, sha256);
    }

    @Override
    public DetectionResult detectAll(Mat bgr) {
        return detectAt(bgr, metadata.inputSize());
    }

    /** One batch (image and mirror) with the image scaled so that its shorter side is shortSide pixels (long side capped). */
    public DetectionResult detectAt(Mat bgr, int shortSide) {
        return detectAt(bgr, shortSide, true);
    }

    /** Every centre peak as a box, before suppression (for a second stage that rescores them first). */
    @Override
    public DetectionResult proposals(Mat bgr) {
        return detectAt(bgr, metadata.inputSize(), false);
    }

    /** As {@link #proposals}, with the image scaled so that its shorter side is shortSide pixels. */
    public DetectionResult proposalsAt(Mat bgr, int shortSide) {
        return detectAt(bgr, shortSide, false);
    }

    /** The shorter side images are scaled to for this model (what it was trained at). */
    public int inputSize() {
        return metadata.inputSize();
    }

    private DetectionResult detectAt(Mat bgr, int shortSide, boolean suppress) {
        double s = shortSide / (double) Math.min(bgr.cols(), bgr.rows());
        int w = (int) Math.round(Math.min(bgr.cols() * s, shortSide * MAX_ASPECT));
        int h = (int) Math.round(Math.min(bgr.rows() * s, shortSide * MAX_ASPECT));
        // the backbone goes down to stride 32 and back up to 16 (concatenated there), so it needs multiples of 32
        int unit = backbone == null ? BoxNet.STRIDE : Backbone.SIZE_UNIT;
        w = Math.max(unit, w / unit * unit);
        h = Math.max(unit, h / unit * unit);
        INDArray[] out;
        try (Mat in = new Mat(); Mat mirror = new Mat()) {
            resize(bgr, in, new Size(w, h), 0, 0, bgr.cols() > w ? INTER_AREA : INTER_LINEAR);
            flip(in, mirror, 1);
            out = output(List.of(in, mirror));
        }
        // the image and its mirror image, averaged: a bag must look like a bag both ways round, which halves the
        // spurious peaks (valid+test: recall at <= 0.5 false boxes 0.253 -> 0.286, image AUROC 0.92 -> 0.98)
        BoxMaps maps = BoxMaps.average(BoxMaps.of(out[0], out[1], 0), BoxMaps.of(out[0], out[1], 1).mirrored());
        // the input may be stretched slightly by the rounding above: map x and y separately
        List<Detection> dets = BoxDecoder.peaks(maps.centre(), maps.box(), bgr.cols() / (double) w,
                bgr.rows() / (double) h, bgr.cols(), bgr.rows());
        if (suppress) dets = BoxDecoder.suppress(dets);
        return new DetectionResult(maps.maxCentre(), dets);
    }

    private synchronized INDArray[] output(List<Mat> images) {
        if (backbone == null) return net.output(false, MatTensors.batch(images));
        // a tuned head holds the backbone's deeper layers itself
        return net.output(false, tailInside() ? headBackbone.tailInputs(images, TailStart.of(net)) : headBackbone.features(images));
    }

    /** Whether the network holds the backbone's deeper layers ({@link BoxHead#createTuned}). */
    public boolean tailInside() {
        return backbone != null && BoxHead.isTuned(net);
    }
}
