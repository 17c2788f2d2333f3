package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalPicturesTest {

    @Test
    void drawsFoundMissedAndFalseBoxesAndCountsThemPerFrame(@TempDir Path dir) throws Exception {
        PixelBox found = new PixelBox(20, 20, 100, 100), missed = new PixelBox(200, 20, 60, 60), off = new PixelBox(40, 200, 80, 60);
        List<Detection> dets = List.of(new Detection("exposed_garbage", 0.9, found), new Detection("exposed_garbage", 0.7, off),
                new Detection("exposed_garbage", 0.2, new PixelBox(200, 200, 50, 50)));   // under the threshold: not drawn
        ImageOutcome o = new ImageOutcome("/data/valid/images/a b,c.png", List.of(found, missed), dets, 0.9);
        EvalPictures pictures = new EvalPictures(dir.resolve("pics"), 0.5);
        try (Mat grey = new Mat(300, 320, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            pictures.add(o, grey);
            assertEquals(128, grey.ptr(20, 20).get() & 0xff, "the frame itself is not drawn on");
        }
        Path index = pictures.finish();

        List<String> rows = Files.readAllLines(index);
        assertEquals(2, rows.size(), rows.toString());
        assertEquals("0001-a_b_c.jpg,\"/data/valid/images/a b,c.png\",2,1,1,1,0,0", rows.get(1));
        try (Mat drawn = imread(dir.resolve("pics/0001-a_b_c.jpg").toString(), IMREAD_COLOR); UByteIndexer px = drawn.createIndexer()) {
            assertTrue(green(px, 70, 20), "a found bag's edge is green");
            assertTrue(yellow(px, 230, 20), "a missed bag's edge is yellow");
            assertTrue(red(px, 80, 260), "a false box off the bags is red (its bottom edge)");
            assertTrue(grey(px, 225, 225), "a box under the threshold is not drawn");
        }
    }

    @Test
    void namesPicturesAfterTheirImagesWithoutFolderOrMosaicSuffix() {
        assertEquals("IMG_1", EvalPictures.baseName("/x/y/IMG_1.jpg"));
        assertEquals("a", EvalPictures.baseName("/x/a.jpg (mosaic 2x2)"));
        assertEquals("垃圾_1", EvalPictures.baseName("C:\\\\d\\\\垃圾 1.png"));
    }

    private static boolean green(UByteIndexer px, int x, int y) {
        return px.get(y, x, 1) > 150 && px.get(y, x, 0) < 90 && px.get(y, x, 2) < 90;
    }

    private static boolean yellow(UByteIndexer px, int x, int y) {
        return px.get(y, x, 1) > 170 && px.get(y, x, 2) > 170 && px.get(y, x, 0) < 90;
    }

    private static boolean red(UByteIndexer px, int x, int y) {
        return px.get(y, x, 2) > 170 && px.get(y, x, 1) < 90 && px.get(y, x, 0) < 90;
    }

    private static boolean grey(UByteIndexer px, int x, int y) {
        return Math.abs(px.get(y, x, 0) - 128) < 20 && Math.abs(px.get(y, x, 1) - 128) < 20 && Math.abs(px.get(y, x, 2) - 128) < 20;
    }
}
