package cn.xuncha.models;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.CropFeatures;
import cn.xuncha.models.data.BoxDeltas;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PatchSampler;
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
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The box detector's second stage on pre-trained features: each box's padded square crop goes through the network the
 * box head reads ({@link Backbone}; verifiers from before session 20: the pre-trained one, see {@link #FEATURES_FROM_KEY}),
 * is pooled ({@link FeatureVerifierNet}), in the context layout together with a wider crop of the box's surroundings
 * ({@link CropFeatures.Layout#CONTEXT}), joined by the box's log aspect ratio (the square crop hides where a box's
 * edges are), and a small network predicts the box's overlap with a bag (IoU, 0 on background) and how to move the box
 * onto that bag ({@link BoxDeltas}). A tight box scores above a loose one on the same bag, and a loose one is
 * tightened, which is what suppression and the one-box-per-bag count need. It sees a bag at 96 px whatever its size in
 * the frame, with features learned on COCO (and, under a tuned head, tuned on bags). The backbone is the box
 * detector's and is not closed here.
 */
public final class FeatureVerifier implements CropScorer, AutoCloseable {
    public static final String MODEL_NAME = "garbage-verifier-features";
    /** Crop side in pixels (a multiple of the backbone's 32, so its deep map is 6x6). */
    public static final int CROP = 96;
    private static final int CHUNK = 64;
    /** Rows scored at once by {@link #scoreFeatures}. */
    private static final int SCORE_ROWS = 1024;

    private final ComputationGraph net;
    private final Backbone backbone;
    private final ModelMetadata metadata;
    private final CropFeatures.Layout layout;

    /** A trained verifier: its metadata's training record names the feature layout it takes. */
    public FeatureVerifier(ComputationGraph net, Backbone backbone, ModelMetadata metadata) {
        this(net, backbone, metadata, CropFeatures.Layout.of(metadata == null ? null : metadata.training()));
    }

    /** A verifier in training, before it has metadata. */
    public FeatureVerifier(ComputationGraph net, Backbone backbone, ModelMetadata metadata, CropFeatures.Layout layout) {
        this.net = net;
        this.backbone = backbone;
        this.metadata = metadata;
        this.layout = layout;
    }

    /** Metadata key: the shorter sides the box model proposed at when this verifier was trained (its run-time scales). */
    public static final String SIDES_KEY = "proposal_short_sides";
    /**
     * Metadata key: which network the crops' features were taken from in training. {@value #FROM_HEAD}: the one the box
     * head reads, with a tuned head's layers written in; absent (verifiers from before session 20): the pre-trained one.
     */
    public static final String FEATURES_FROM_KEY = "crop_features_from";
    public static final String FROM_HEAD = "head", FROM_PRETRAINED = "pretrained";

    /** The network this verifier must read its crop features from, as its training record names it. */
    public static Backbone featureBackbone(ModelMetadata meta, cn.xuncha.models.boxes.BoxDetector boxes) {
        Object from = meta == null || meta.training() == null ? null : meta.training().get(FEATURES_FROM_KEY);
        if (from == null || FROM_PRETRAINED.equals(from)) return boxes.backbone();
        if (FROM_HEAD.equals(from)) return boxes.headBackbone();
        throw new IllegalArgumentException(FEATURES_FROM_KEY + ": unknown network '" + from + "' (known: " + FROM_HEAD + ", "
                + FROM_PRETRAINED + ")");
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
            return Optional.of(new FeatureVerifier(ModelSerializer.restoreComputationGraph(m, false), featureBackbone(meta, boxes), meta));
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
        return new FeatureVerifier(ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(Files.readAllBytes(zip)), false),
                featureBackbone(meta, boxes), meta);
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

    /** The box model's proposal scales this verifier was trained on; the box model's own input size if none are recorded. */
    public static List<Integer> proposalSides(ModelMetadata meta, cn.xuncha.models.boxes.BoxDetector boxes) {
        Object sides = meta == null || meta.training() == null ? null : meta.training().get(SIDES_KEY);
        if (!(sides instanceof List<?> l) || l.isEmpty()) return List.of(boxes.inputSize());
        return l.stream().map(o -> ((Number) o).intValue()).toList();
    }

    /** How this verifier's feature rows are pooled. */
    public CropFeatures.Layout layout() {
        return layout;
    }

    /** The box detector's backbone this verifier reads its features from. */
    public Backbone backbone() {
        return backbone;
    }

    public ComputationGraph network() {
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

    /** Crops of any size without their boxes (reviewed crops, say): padded to square, resized, scored as square boxes. */
    @Override
    public float[] scoreBatch(List<Mat> bgrCrops) {
        float[] out = new float[bgrCrops.size()];
        for (int start = 0; start < bgrCrops.size(); start += CHUNK) {
            List<Mat> squares = new ArrayList<>();
            try {
                for (Mat c : bgrCrops.subList(start, Math.min(bgrCrops.size(), start + CHUNK))) {
                    double side = Math.max(c.cols(), c.rows());
                    squares.add(Crops.window(c, new PixelBox((c.cols() - side) / 2, (c.rows() - side) / 2, side, side), CROP));
                }
                float[] s = scoreFeatures(FeatureVerifierNet.features(backbone, squares, new double[squares.size()], layout));
                System.arraycopy(s, 0, out, start, s.length);
            } finally {
                squares.forEach(Mat::close);
            }
        }
        return out;
    }

    @Override
    public float[] scoreBoxes(Mat bgr, List<PixelBox> boxes) {
        return verify(bgr, boxes).scores();
    }

    /** Each box's expected IoU with a bag, and the box moved onto that bag (clipped to the frame). */
    @Override
    public Verdict verify(Mat bgr, List<PixelBox> boxes) {
        float[] scores = new float[boxes.size()];
        List<PixelBox> refined = new ArrayList<>();
        for (int start = 0; start < boxes.size(); start += CHUNK) {
            List<PixelBox> chunk = boxes.subList(start, Math.min(boxes.size(), start + CHUNK));
            List<Mat> crops = new ArrayList<>(), contexts = new ArrayList<>();
            try {
                double[] logAspects = new double[chunk.size()];
                for (int i = 0; i < chunk.size(); i++) {
                    PixelBox b = chunk.get(i);
                    crops.add(Crops.window(bgr, b.squareAround(PatchSampler.CROP_PAD), CROP));
                    if (layout.contextPad() > 0) contexts.add(Crops.window(bgr, b.squareAround(layout.contextPad()), CROP));
                    logAspects[i] = FeatureVerifierNet.logAspect(b.w(), b.h());
                }
                INDArray[] out = outputs(FeatureVerifierNet.features(backbone, crops, contexts.isEmpty() ? null : contexts, logAspects, layout));
                for (int i = 0; i < chunk.size(); i++) {
                    scores[start + i] = out[0].getFloat(i, 0);
                    refined.add(BoxDeltas.apply(chunk.get(i), out[1].getDouble(i, 0), out[1].getDouble(i, 1), out[1].getDouble(i, 2),
                            out[1].getDouble(i, 3)).clip(bgr.cols(), bgr.rows()));
                }
            } finally {
                crops.forEach(Mat::close);
                contexts.forEach(Mat::close);
            }
        }
        return new Verdict(scores, refined);
    }

    /** Expected IoU with a bag per feature row [n, {@link FeatureVerifierNet#inputs}]. */
    public float[] scoreFeatures(INDArray features) {
        float[] out = new float[(int) features.size(0)];
        // in slices: the activations of a whole validation set at once are large and pointless to hold
        for (int start = 0; start < out.length; start += SCORE_ROWS) {
            int end = Math.min(out.length, start + SCORE_ROWS);
            INDArray p = outputs(features.get(NDArrayIndex.interval(start, end), NDArrayIndex.all()))[0];
            for (int i = start; i < end; i++) out[i] = p.getFloat(i - start, 0);
        }
        return out;
    }

    /** Both outputs for feature rows: [n, 1] expected IoU and [n, 4] deltas (a network of several members: their mean). */
    public synchronized INDArray[] outputs(INDArray features) {
        return FeatureVerifierNet.averaged(net.output(false, features));
    }

    @Override
    public void close() {
        net.close();
    }
}
