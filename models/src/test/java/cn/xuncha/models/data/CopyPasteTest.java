package cn.xuncha.models.data;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyPasteTest {

    /** A 200×100 grey photo with a white triangle labelled as a polygon (and its box line as a second bag). */
    private static LabeledImage photo(Path dir) throws IOException {
        try (Mat img = new Mat(100, 200, CV_8UC3, new Scalar(60, 60, 60, 0))) {
            // the triangle (20,20) (80,20) (20,80) drawn as a filled polygon by rows
            for (int y = 20; y < 80; y++) {
                rectangle(img, new Point(20, y), new Point(20 + (80 - y) - 1, y), new Scalar(250, 250, 250, 0), -1, 8, 0);
            }
            imwrite(dir.resolve("p.png").toString(), img);
        }
        Files.writeString(dir.resolve("p.txt"), "0 0.1 0.2 0.4 0.2 0.1 0.8\n0 0.75 0.5 0.2 0.4\n");
        return new LabeledImage(dir.resolve("p.png"), dir.resolve("p.txt"));
    }

    @Test
    void cutsAlongThePolygonNotItsBox(@TempDir Path dir) throws IOException {
        try (BagCutouts bank = BagCutouts.from(List.of(photo(dir)), 10, new Random(1))) {
            assertEquals(2, bank.size());
            BagCutouts.Cutout tri = bank.get(0).bgr().cols() == 60 ? bank.get(0) : bank.get(1);
            assertEquals(60, tri.bgr().rows());
            UByteIndexer a = tri.alpha().createIndexer();
            assertEquals(255, a.get(5, 5)); // inside the triangle
            assertEquals(0, a.get(55, 55)); // the box corner the triangle leaves out
            int inside = countNonZero(tri.alpha());
            assertTrue(inside > 0.4 * 3600 && inside < 0.6 * 3600, "about half the box: " + inside);
        }
    }

    @Test
    void pastedBagsGetBoxesAndChangeTheirPixelsOnly(@TempDir Path dir) throws IOException {
        try (BagCutouts bank = BagCutouts.from(List.of(photo(dir)), 10, new Random(1));
             Mat scene = new Mat(240, 320, CV_8UC3, new Scalar(30, 90, 30, 0))) {
            List<PixelBox> boxes = CopyPaste.paste(scene, List.of(), bank, 3, new Random(7));
            assertFalse(boxes.isEmpty());
            UByteIndexer px = scene.createIndexer();
            for (PixelBox b : boxes) {
                assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.w() <= 320 && b.y() + b.h() <= 240, b.toString());
                assertTrue(b.cy() >= 240 * 0.25, "on the ground, not the sky: " + b);
            }
            int changed = 0;
            for (int y = 0; y < 240; y++) {
                for (int x = 0; x < 320; x++) {
                    if (px.get(y, x, 1) == 90) continue;
                    changed++;
                    final int fx = x, fy = y;
                    assertTrue(boxes.stream().anyMatch(b -> fx >= b.x() - 1 && fx <= b.x() + b.w() && fy >= b.y() - 1 && fy <= b.y() + b.h()),
                            "a changed pixel outside every pasted box at " + x + "," + y);
                }
            }
            assertTrue(changed > 0);
        }
    }

    @Test
    void aBagMostlyHiddenByPastesLosesItsBoxAndAVisibleOneKeepsIt(@TempDir Path dir) throws IOException {
        int dropped = 0, kept = 0;
        try (BagCutouts bank = BagCutouts.from(List.of(photo(dir)), 10, new Random(1))) {
            for (int seed = 1; seed <= 30; seed++) {
                List<PixelBox> bags = List.of(new PixelBox(40, 150, 40, 40), new PixelBox(150, 160, 50, 40), new PixelBox(230, 120, 30, 50));
                try (Mat scene = new Mat(300, 300, CV_8UC3, new Scalar(30, 90, 30, 0))) {
                    List<PixelBox> after = CopyPaste.paste(scene, bags, bank, 1 + seed % 8, new Random(seed));
                    UByteIndexer px = scene.createIndexer();
                    for (PixelBox b : bags) {
                        double hidden = changed(px, b) / b.area();
                        if (hidden > 0.7) {
                            assertFalse(after.contains(b), "seed " + seed + ": " + b + " is " + hidden + " hidden");
                            dropped++;
                        } else if (hidden < 0.5) {
                            assertTrue(after.contains(b), "seed " + seed + ": " + b + " is only " + hidden + " hidden");
                            kept++;
                        }
                    }
                }
            }
        }
        assertTrue(dropped > 0 && kept > 0, "both cases seen: " + dropped + " dropped, " + kept + " kept");
    }

    private static int changed(UByteIndexer px, PixelBox b) {
        int n = 0;
        for (int y = (int) b.y(); y < b.y() + b.h(); y++) for (int x = (int) b.x(); x < b.x() + b.w(); x++) if (px.get(y, x, 1) != 90) n++;
        return n;
    }

    @Test
    void typicalSideIsTheMedianBagSize() {
        assertEquals(0, CopyPaste.typicalSide(List.of()));
        assertEquals(20, CopyPaste.typicalSide(List.of(new PixelBox(0, 0, 10, 10), new PixelBox(0, 0, 20, 20),
                new PixelBox(0, 0, 40, 40))), 1e-9);
    }

    @Test
    void refusesAnImageItCannotBlendInto() {
        try (Mat grey = new Mat(10, 10, org.bytedeco.opencv.global.opencv_core.CV_8UC1);
             BagCutouts empty = new BagCutouts(List.of())) {
            assertThrows(IllegalArgumentException.class, () -> CopyPaste.paste(grey, List.of(), empty, 1, new Random(1)));
        }
    }
}
