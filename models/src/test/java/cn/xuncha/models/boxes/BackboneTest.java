package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The pre-trained backbone (needs the Darknet files; skipped without them) and how a head model finds it. */
class BackboneTest {

    private static Path sharedDir() {
        Path dir = Backbone.directory();
        assumeTrue(Files.isRegularFile(Backbone.weights(dir, BackboneVariant.STANDARD)), "skipped: backbone files not found in " + dir
                + " (set " + Backbone.DIR_VARIABLE + " or XUNCHA_SHARED)");
        return dir;
    }

    @Test
    void givesStride8AndStride16FeatureMaps() throws IOException {
        try (Backbone b = Backbone.open(sharedDir(), BackboneVariant.STANDARD); Mat img = new Mat(256, 384, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            INDArray[] f = b.features(List.of(img, img));
            assertArrayEquals(new long[] {2, BackboneVariant.STANDARD.stride8Channels(), 32, 48}, f[0].shape());
            assertArrayEquals(new long[] {2, BackboneVariant.STANDARD.deepChannels(), 16, 24}, f[1].shape());
            assertEquals(f[0].getDouble(0, 5, 10, 10), f[0].getDouble(1, 5, 10, 10), 1e-5, "same image, same features");
            assertEquals(64, b.sha256().length());
        }
    }

    @Test
    void theXlVariantGivesItsWiderMapsAtTheSameStrides() throws IOException {
        Path dir = sharedDir();
        assumeTrue(Files.isRegularFile(Backbone.weights(dir, BackboneVariant.XL)), "skipped: no XL backbone in " + dir);
        try (Backbone b = Backbone.open(dir, BackboneVariant.XL); Mat img = new Mat(256, 384, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            INDArray[] f = b.features(List.of(img));
            assertArrayEquals(new long[] {1, BackboneVariant.XL.stride8Channels(), 32, 48}, f[0].shape());
            assertArrayEquals(new long[] {1, BackboneVariant.XL.deepChannels(), 16, 24}, f[1].shape());
            assertEquals(BackboneVariant.XL, b.variant());
        }
    }

    @Test
    void anUnknownBackboneNameIsRefusedWithTheKnownOnesListed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackboneVariant.named("resnet"));
        assertTrue(e.getMessage().contains("resnet") && e.getMessage().contains("yolo-fastest-1.1-xl"), e.getMessage());
        IOException io = assertThrows(IOException.class, () -> Backbone.forHead(Map.of(Backbone.NAME_KEY, "resnet")));
        assertTrue(io.getMessage().contains("box head metadata"), io.getMessage());
    }

    @Test
    void aHeadModelReloadsWithItsBackboneAndRefusesOtherWeights(@TempDir Path tmp) throws IOException {
        Path dir = sharedDir();
        try (Backbone b = Backbone.open(dir, BackboneVariant.STANDARD); Mat img = new Mat(300, 400, CV_8UC3, new Scalar(60, 60, 60, 0))) {
            Path zip = tmp.resolve("head.zip");
            ModelFiles.write(BoxHead.create(1, 0.001, BackboneVariant.STANDARD), meta(b.sha256()), zip);
            BoxDetector loaded = BoxDetector.load(zip);
            assertNotNull(loaded.backbone());
            DetectionResult r = loaded.withThreshold(0).detect(img);
            assertTrue(r.maxScore() >= 0 && r.maxScore() <= 1);
            assertEquals("box head on " + BackboneVariant.STANDARD.fileName() + " alone", loaded.description());
            try (GarbageClassifier clf = GarbageClassifier.loadDefault()) {
                assertEquals("box head on " + BackboneVariant.STANDARD.fileName() + " + verifier", new VerifiedDetector(loaded, clf, 0.5).description());
            }

            Path other = tmp.resolve("other.zip");
            ModelFiles.write(BoxHead.create(1, 0.001, BackboneVariant.STANDARD), meta("0".repeat(64)), other);
            IOException e = assertThrows(IOException.class, () -> BoxDetector.load(other));
            assertTrue(e.getMessage().contains("differ"), e.getMessage());
        }
    }

    @Test
    void withoutTheBackboneFilesAHeadFailsClearlyAndTheDefaultFallsBack(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("head.zip");
        ModelFiles.write(BoxHead.create(1, 0.001, BackboneVariant.STANDARD), meta("0".repeat(64)), zip);
        String old = System.getProperty(Backbone.DIR_VARIABLE);
        System.setProperty(Backbone.DIR_VARIABLE, tmp.resolve("empty").toString());
        try {
            IOException e = assertThrows(IOException.class, () -> BoxDetector.load(zip));
            assertTrue(e.getMessage().contains(Backbone.DIR_VARIABLE) && e.getMessage().contains("empty"), e.getMessage());
            BoxDetector fallback = BoxDetector.loadDefault().orElseThrow();
            assertEquals(null, fallback.backbone(), "the stand-alone committed network");
        } finally {
            if (old == null) System.clearProperty(Backbone.DIR_VARIABLE); else System.setProperty(Backbone.DIR_VARIABLE, old);
        }
    }

    @Test
    void otherWeightsUnderTheBackbonesNameMakeTheDefaultFallBack(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(Backbone.cfg(dir, BackboneVariant.STANDARD), "[net]\nwidth=32\nheight=32\nchannels=3\n");
        Files.write(Backbone.weights(dir, BackboneVariant.STANDARD), new byte[20]);
        String old = System.getProperty(Backbone.DIR_VARIABLE);
        System.setProperty(Backbone.DIR_VARIABLE, dir.toString());
        try {
            assertEquals(null, BoxDetector.loadDefault().orElseThrow().backbone());
        } finally {
            if (old == null) System.clearProperty(Backbone.DIR_VARIABLE); else System.setProperty(Backbone.DIR_VARIABLE, old);
        }
    }

    private static ModelMetadata meta(String sha) {
        return new ModelMetadata(List.of("background", "garbage"), BoxNet.TRAIN_INPUT, 0, 0.5, 0.5, "test", Map.of(),
                Map.of(Backbone.NAME_KEY, BackboneVariant.STANDARD.fileName(), Backbone.SHA_KEY, sha));
    }
}
