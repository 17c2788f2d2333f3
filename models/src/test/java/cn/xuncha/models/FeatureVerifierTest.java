package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BackboneVariant;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.CropFeatures;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The verifier on pooled backbone features: pooling, learning, and pairing with its box model (that part needs the backbone). */
class FeatureVerifierTest {

    @Test
    void poolsWhatIsInTheCropAndWhereIntoOneVectorPerCrop() {
        BackboneVariant v = BackboneVariant.STANDARD;
        INDArray s8 = Nd4j.zeros(2, v.stride8Channels(), 12, 12);
        INDArray deep = Nd4j.zeros(2, v.deepChannels(), 6, 6);
        s8.putScalar(new int[] {1, 0, 3, 3}, 144); // crop 1: one hot cell in channel 0 of the fine map
        deep.putScalar(new int[] {1, 0, 2, 2}, 4); // crop 1: centre cell (rows/cols 2..3) of the deep map
        INDArray f = CropFeatures.of(new INDArray[] {s8, deep}, CropFeatures.Layout.COARSE);
        assertEquals(2, f.size(0));
        assertEquals(CropFeatures.length(v, CropFeatures.Layout.COARSE), f.size(1));
        assertEquals(1.0, f.getDouble(1, 0), 1e-6, "stride-8 mean of channel 0");
        assertEquals(144.0, f.getDouble(1, v.stride8Channels()), 1e-6, "stride-8 max of channel 0");
        int grid = 2 * v.stride8Channels() + 2 * v.deepChannels();
        assertEquals(1.0, f.getDouble(1, grid + 4 * v.deepChannels()), 1e-6, "the centre cell's mean of channel 0");
        assertEquals(0.0, f.getDouble(1, grid), 1e-6, "the top-left cell is empty");
        assertEquals(0.0, f.getDouble(0, 0), 1e-6, "crop 0 is all zero");

        INDArray fine = CropFeatures.of(new INDArray[] {s8, deep}, CropFeatures.Layout.FINE);
        assertEquals(CropFeatures.length(v, CropFeatures.Layout.FINE), fine.size(1));
        assertEquals(f.size(1) + 9 * v.stride8Channels(), fine.size(1), "and the stride-8 map on the grid");
        int fineGrid = (int) f.size(1);
        assertEquals(144.0 / 16, fine.getDouble(1, fineGrid), 1e-6, "the hot cell (3,3) is in the top-left 4x4 cell");
        assertEquals(0.0, fine.getDouble(1, fineGrid + 4 * v.stride8Channels()), 1e-6, "not in the centre cell");
        assertEquals(f.getDouble(1, grid + 4 * v.deepChannels()), fine.getDouble(1, grid + 4 * v.deepChannels()), 1e-6, "the coarse part is the same");
    }

    @Test
    void theContextLayoutJoinsTheBoxCropsFineVectorToItsSurroundingsCoarseOne() {
        BackboneVariant v = BackboneVariant.STANDARD;
        INDArray[] box = {Nd4j.rand(2, v.stride8Channels(), 12, 12), Nd4j.rand(2, v.deepChannels(), 6, 6)};
        INDArray[] around = {Nd4j.rand(2, v.stride8Channels(), 12, 12), Nd4j.rand(2, v.deepChannels(), 6, 6)};
        INDArray f = CropFeatures.of(box, around, CropFeatures.Layout.CONTEXT);
        assertEquals(CropFeatures.length(v, CropFeatures.Layout.CONTEXT), f.size(1));
        assertEquals(Nd4j.hstack(CropFeatures.of(box, CropFeatures.Layout.FINE), CropFeatures.of(around, CropFeatures.Layout.COARSE)), f);
        assertEquals(CropFeatures.of(box, CropFeatures.Layout.FINE), CropFeatures.of(box, null, CropFeatures.Layout.FINE),
                "other layouts take no context");
        assertThrows(IllegalArgumentException.class, () -> CropFeatures.of(box, null, CropFeatures.Layout.CONTEXT));
        assertThrows(IllegalArgumentException.class, () -> CropFeatures.of(box, CropFeatures.Layout.CONTEXT));
        assertEquals(CropFeatures.Layout.CONTEXT, CropFeatures.Layout.of(Map.of(CropFeatures.LAYOUT_KEY, "context")));
        assertEquals(0.0, CropFeatures.Layout.FINE.contextPad());
        assertTrue(CropFeatures.Layout.CONTEXT.contextPad() > PatchSampler.CROP_PAD);
    }

    @Test
    void aCropWithoutSurroundingsGetsAContextOfGreyAroundItselfShrunk() {
        int side = FeatureVerifier.CROP;
        try (Mat white = new Mat(side, side, CV_8UC3, new Scalar(255, 255, 255, 0));
             Mat c = FeatureVerifierNet.contextOf(white, 3.0)) {
            assertEquals(side, c.cols());
            assertEquals(side, c.rows());
            int inner = (int) Math.round(side * PatchSampler.CROP_PAD / 3.0), at = (side - inner) / 2;
            try (UByteIndexer px = c.createIndexer()) {
                assertEquals(255, px.get(side / 2, side / 2, 0), "the crop in the middle");
                assertEquals(255, px.get(at, at, 1));
                assertEquals(Crops.FILL, px.get(at - 1, side / 2, 2), "grey where the surroundings are unknown");
                assertEquals(Crops.FILL, px.get(0, 0, 0));
            }
        }
    }

    @Test
    void aVerifierRunsOnTheLayoutItsTrainingRecordNames() {
        assertEquals(CropFeatures.Layout.COARSE, CropFeatures.Layout.of(null), "metadata from before the choice");
        assertEquals(CropFeatures.Layout.COARSE, CropFeatures.Layout.of(Map.of()));
        assertEquals(CropFeatures.Layout.FINE, CropFeatures.Layout.of(Map.of(CropFeatures.LAYOUT_KEY, CropFeatures.Layout.FINE.recordName())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CropFeatures.Layout.of(Map.of(CropFeatures.LAYOUT_KEY, "hexagonal")));
        assertTrue(e.getMessage().contains("crop_features: unknown layout 'hexagonal'"), e.getMessage());
        FeatureVerifier v = new FeatureVerifier(FeatureVerifierNet.create(1, 8, 0.01), null, null);
        assertEquals(CropFeatures.Layout.COARSE, v.layout());
    }

    @Test
    void refusesADeepMapSmallerThanItsGrid() {
        INDArray[] maps = {Nd4j.zeros(1, 4, 4, 4), Nd4j.zeros(1, 4, 2, 2)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CropFeatures.of(maps, CropFeatures.Layout.COARSE));
        assertTrue(e.getMessage().contains("2x2"), e.getMessage());
    }

    @Test
    void learnsToRankTightBoxesAboveLooseOnesAboveBackground() {
        int n = 300, len = 40;
        double[] iouOfKind = {0, 0.35, 0.8}; // background, a loose box on a bag, a tight one
        Random rnd = new Random(7);
        INDArray x = Nd4j.zeros(n, len), y = Nd4j.zeros(n, 1);
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            for (int j = 0; j < len; j++) x.putScalar(i, j, rnd.nextGaussian() + (j < 5 ? 1.5 * kind : 0));
            y.putScalar(i, 0, iouOfKind[kind]);
        }
        FeatureVerifier v = new FeatureVerifier(FeatureVerifierNet.create(1, len, 0.01), null, null);
        INDArray none = Nd4j.zeros(n, 4); // no box targets: only the IoU output learns here
        for (int e = 0; e < 40; e++) v.network().fit(new MultiDataSet(new INDArray[] {x}, new INDArray[] {y, none}, null, new INDArray[] {null, none}));
        float[] p = v.scoreFeatures(x);
        double[] mean = new double[3];
        for (int i = 0; i < n; i++) {
            assertTrue(p[i] >= 0 && p[i] <= 1);
            mean[i % 3] += p[i] / (n / 3.0);
        }
        assertTrue(mean[0] < mean[1] && mean[1] < mean[2], "mean expected IoU by kind: " + Arrays.toString(mean));
        assertEquals("feature verifier", v.stageName());
    }

    @Test
    void theAspectFeatureIsBoundedAndSymmetric() {
        assertEquals(0, FeatureVerifierNet.logAspect(50, 50), 1e-9);
        assertEquals(-FeatureVerifierNet.logAspect(80, 20), FeatureVerifierNet.logAspect(20, 80), 1e-9);
        assertEquals(2, FeatureVerifierNet.logAspect(1000, 1), 1e-9, "a sliver is bounded");
        assertEquals(0, FeatureVerifierNet.logAspect(0, 10), 1e-9, "an empty box");
    }

    @Test
    void aPatchClassifierZipIsNotTakenForAFeatureVerifier(@TempDir Path tmp) throws IOException {
        assertFalse(FeatureVerifier.isOne(TestModels.writeUntrained(tmp, 0.5)));
        IOException e = assertThrows(IOException.class, () -> FeatureVerifier.isOne(tmp.resolve("missing.zip")));
        assertTrue(e.getMessage().contains("missing.json"), e.getMessage());
    }

    @Test
    void pairsOnlyWithTheBoxModelItWasTrainedFor(@TempDir Path tmp) throws IOException {
        BoxDetector boxes = headOnBackbone();
        Path zip = writeUntrained(tmp.resolve("fv.zip"), boxes, boxes.sha256(), Map.of());
        assertTrue(FeatureVerifier.isOne(zip));
        FeatureVerifier v = FeatureVerifier.load(zip, boxes);
        try (Mat img = new Mat(240, 320, CV_8UC3, new Scalar(80, 100, 120, 0)); Mat small = new Mat(30, 50, CV_8UC3, new Scalar(9, 9, 9, 0))) {
            assertEquals(2, v.scoreBatch(List.of(img, small)).length);
            List<PixelBox> placed = List.of(new PixelBox(10, 10, 40, 40), new PixelBox(10, 10, 40, 10), new PixelBox(300, 200, 40, 40));
            CropScorer.Verdict verdict = v.verify(img, placed);
            assertTrue(verdict.scores()[0] != verdict.scores()[1], "the box's shape is an input: " + Arrays.toString(verdict.scores()));
            assertEquals(3, verdict.boxes().size());
            PixelBox corner = verdict.boxes().get(2);
            assertTrue(corner.x() + corner.w() <= 320 + 1e-6 && corner.y() + corner.h() <= 240 + 1e-6, "clipped to the frame: " + corner);
            DetectionResult r = ImageDetectors.verifiedOnFeatures(boxes, v, true).withThreshold(0).detectAll(img);
            assertTrue(r.maxScore() >= 0 && r.maxScore() <= 1);
            assertEquals(List.of(boxes.inputSize()), FeatureVerifier.proposalSides(v.metadata(), boxes), "none recorded: the box model's own");
        }
        Path other = writeUntrained(tmp.resolve("other.zip"), boxes, "0".repeat(64), Map.of());
        IOException e = assertThrows(IOException.class, () -> FeatureVerifier.load(other, boxes));
        assertTrue(e.getMessage().contains("another box model"), e.getMessage());
    }

    @Test
    void readsItsFeaturesFromTheNetworkItsTrainingRecordNames(@TempDir Path tmp) throws IOException {
        BoxDetector boxes = headOnBackbone();
        Path zip = tmp.resolve("fv.zip");
        writeUntrained(zip, boxes, boxes.sha256(), Map.of(FeatureVerifier.FEATURES_FROM_KEY, FeatureVerifier.FROM_HEAD));
        assertSame(boxes.headBackbone(), FeatureVerifier.load(zip, boxes).backbone());
        assertSame(boxes.headBackbone(), FeatureVerifier.loadShipped(boxes).orElseThrow().backbone(), "the shipped one: the head's network");
        writeUntrained(zip, boxes, boxes.sha256(), Map.of());
        assertSame(boxes.backbone(), FeatureVerifier.load(zip, boxes).backbone());
        writeUntrained(zip, boxes, boxes.sha256(), Map.of(FeatureVerifier.FEATURES_FROM_KEY, "tail"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureVerifier.load(zip, boxes));
        assertTrue(e.getMessage().contains(FeatureVerifier.FEATURES_FROM_KEY + ": unknown network 'tail'"), e.getMessage());
    }

    private static BoxDetector headOnBackbone() {
        BoxDetector boxes = BoxDetector.loadDefault().orElseThrow();
        assumeTrue(boxes.backbone() != null, "skipped: backbone files not found in " + Backbone.directory());
        return boxes;
    }

    /** An untrained verifier on the coarse layout, its metadata naming this box zip digest and more training keys. */
    private static Path writeUntrained(Path zip, BoxDetector boxes, String boxSha, Map<String, Object> more) throws IOException {
        int len = FeatureVerifierNet.inputs(boxes.backbone().variant(), CropFeatures.Layout.COARSE);
        ModelFiles.write(FeatureVerifierNet.create(1, len, 0.001), meta(boxSha, boxes.backbone().sha256(), more), zip);
        return zip;
    }

    private static ModelMetadata meta(String boxSha, String backboneSha, Map<String, Object> more) {
        Map<String, Object> training = new java.util.HashMap<>(more);
        training.put(VerifiedDetector.BOX_MODEL_KEY, boxSha);
        training.put(Backbone.SHA_KEY, backboneSha);
        return new ModelMetadata(List.of("background", "garbage"), FeatureVerifier.CROP, 1.25, 0.5, 0.5, "test", Map.of(), training);
    }
}
