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
        assumeTrue(Files.isRegularFile(Backbone.weights(dir)), "skipped: backbone files not found in " + dir
                + " (set " + Backbone.DIR_VARIABLE + " or XUNCHA_SHARED)");
        return dir;
    }

    @Test
    void givesStride8AndStride16FeatureMaps() throws IOException {
        try (Backbone b = Backbone.open(sharedDir()); Mat img = new Mat(256, 384, CV_8UC3, new Scalar(90, 120, 150, 0))) {
            INDArray[] f = b.features(List.of(img, img));
            assertArrayEquals(new long[] {2, Backbone.STRIDE8_CHANNELS, 32, 48}, f[0].shape());
            assertArrayEquals(new long[] {2, Backbone.DEEP_CHANNELS, 16, 24}, f[1].shape());
            assertEquals(f[0].getDouble(0, 5, 10, 10), f[0].getDouble(1, 5, 10, 10), 1e-5, "same image, same features");
            assertEquals(64, b.sha256().length());
        }
    }

    @Test
    void aHeadModelReloadsWithItsBackboneAndRefusesOtherWeights(@TempDir Path tmp) throws IOException {
        Path dir = sharedDir();
        try (Backbone b = Backbone.open(dir); Mat img = new Mat(300, 400, CV_8UC3, new Scalar(60, 60, 60, 0))) {
            Path zip = tmp.resolve("head.zip");
            ModelFiles.write(BoxHead.create(1, 0.001), meta(b.sha256()), zip);
            BoxDetector loaded = BoxDetector.load(zip);
            assertNotNull(loaded.backbone());
            DetectionResult r = loaded.withThreshold(0).detect(img);
            assertTrue(r.maxScore() >= 0 && r.maxScore() <= 1);
            assertEquals("box head on " + Backbone.NAME + " alone", loaded.description());
            try (GarbageClassifier clf = GarbageClassifier.loadDefault()) {
                assertEquals("box head on " + Backbone.NAME + " + verifier", new VerifiedDetector(loaded, clf, 0.5).description());
            }

            Path other = tmp.resolve("other.zip");
            ModelFiles.write(BoxHead.create(1, 0.001), meta("0".repeat(64)), other);
            IOException e = assertThrows(IOException.class, () -> BoxDetector.load(other));
            assertTrue(e.getMessage().contains("differ"), e.getMessage());
        }
    }

    @Test
    void withoutTheBackboneFilesAHeadFailsClearlyAndTheDefaultFallsBack(@TempDir Path tmp) throws IOException {
        Path zip = tmp.resolve("head.zip");
        ModelFiles.write(BoxHead.create(1, 0.001), meta("0".repeat(64)), zip);
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
        Files.writeString(Backbone.cfg(dir), "[net]\nwidth=32\nheight=32\nchannels=3\n");
        Files.write(Backbone.weights(dir), new byte[20]);
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
                Map.of(Backbone.NAME_KEY, Backbone.NAME, Backbone.SHA_KEY, sha));
    }
}
