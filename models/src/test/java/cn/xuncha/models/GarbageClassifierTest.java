package cn.xuncha.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.net.GarbageNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageClassifierTest {

    static Mat noise(int rows, int cols, long seed) {
        Mat m = new Mat(rows, cols, opencv_core.CV_8UC3);
        byte[] px = new byte[rows * cols * 3];
        new java.util.Random(seed).nextBytes(px);
        m.data().put(px);
        return m;
    }
    @Test
    void savedModelScoresTheSameAfterLoading(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("m.zip");
        List<Mat> crops = new ArrayList<>(List.of(noise(50, 70, 1), noise(200, 120, 2), noise(32, 32, 3)));
        try (GarbageClassifier a = TestModels.untrained(11, 0.6)) {
            float[] before = a.scoreBatch(crops);
            ModelFiles.write(a, zip);
            if (zip.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertTrue(java.nio.file.Files.getPosixFilePermissions(zip).contains(
                        java.nio.file.attribute.PosixFilePermission.OTHERS_READ), "not an owner-only temp file");
            }
            try (GarbageClassifier b = GarbageClassifier.load(zip)) {
                assertArrayEquals(before, b.scoreBatch(crops), 1e-6f);
                assertEquals(a.metadata().toString(), b.metadata().toString()); // JSON turns Long into Integer in maps
                assertEquals(before[1], b.score(crops.get(1)), 1e-6f);
            }
        } finally {
            crops.forEach(Mat::close);
        }
    }

    @Test
    void scoresAreProbabilities() {
        try (GarbageClassifier c = TestModels.untrained(5, 0.6); Mat m = noise(90, 90, 4)) {
            float p = c.score(m);
            assertTrue(p >= 0 && p <= 1, "score " + p);
        }
    }

    /** The dense scan must give the same score as cutting that window out and scoring it alone. */
    @Test
    void denseMapMatchesCropScores() {
        int in = GarbageNet.INPUT, pad = in / 2;
        try (GarbageClassifier c = TestModels.untrained(9, 0.6); Mat img = noise(120, 100, 6)) {
            float[][] map = c.scoreMap(img, pad);
            int[][] cells = {{0, 0}, {3, 5}, {map.length - 1, map[0].length - 1}, {7, 2}};
            for (int[] rc : cells) {
                PixelBox win = new PixelBox(rc[1] * GarbageNet.STRIDE - pad, rc[0] * GarbageNet.STRIDE - pad, in, in);
                try (Mat crop = Crops.window(img, win, in)) {
                    assertEquals(c.score(crop), map[rc[0]][rc[1]], 2e-4f, "cell " + rc[0] + "," + rc[1]);
                }
            }
        }
    }

    @Test
    void loadNamesTheMissingFile(@TempDir Path dir) throws IOException {
        IOException e = assertThrows(IOException.class, () -> GarbageClassifier.load(dir.resolve("none.zip")));
        assertTrue(e.getMessage().contains("none.zip"));
        Path zip = TestModels.writeUntrained(dir, 0.5);
        Files.delete(ModelFiles.metadataPath(zip));
        e = assertThrows(IOException.class, () -> GarbageClassifier.load(zip));
        assertTrue(e.getMessage().contains("test-model.json"));
    }

    @Test
    void committedModelLoadsWithSensibleMetadata() {
        try (GarbageClassifier c = GarbageClassifier.loadDefault(); Mat m = noise(64, 64, 8)) {
            ModelMetadata md = c.metadata();
            assertEquals(List.of("background", "garbage"), md.classes());
            assertEquals(GarbageNet.INPUT, md.inputSize());
            assertTrue(md.operatingThreshold() > 0.2 && md.operatingThreshold() < 0.95);
            assertTrue(md.dataFingerprint().startsWith("sha256:"));
            assertTrue(md.validationMetrics().containsKey("valid_patch_auroc"));
            float p = c.score(m);
            assertTrue(p >= 0 && p <= 1);
        }
    }
}
