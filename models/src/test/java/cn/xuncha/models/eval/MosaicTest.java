package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.PixelBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MosaicTest {

    @Test
    void groupsFillTheLastMosaicFromTheStart() {
        List<LabeledImage> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) five.add(new LabeledImage(Path.of(i + ".jpg"), null));
        List<List<LabeledImage>> g = Mosaic.groups(five, 2);
        assertEquals(2, g.size());
        assertEquals(List.of(five.get(4), five.get(0), five.get(1), five.get(2)), g.get(1));
        assertThrows(IllegalArgumentException.class, () -> Mosaic.groups(five, 0));
    }

    @Test
    void photosAreLetterboxedIntoCellsAndTheirBoxesMoveWithThem(@TempDir Path dir) throws Exception {
        List<LabeledImage> imgs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path img = dir.resolve(i + ".png"), lbl = dir.resolve(i + ".txt");
            try (Mat m = new Mat(100, 200, CV_8UC3, new Scalar(40 * i, 40 * i, 40 * i, 0))) {
                imwrite(img.toString(), m);
            }
            Files.writeString(lbl, "0 0.5 0.5 0.5 0.5\n"); // centre box 100 x 50 px in a 200 x 100 photo
            imgs.add(new LabeledImage(img, lbl));
        }
        try (Mosaic.Frame f = Mosaic.compose(imgs, 2, 100)) {
            assertNotNull(f);
            assertEquals(200, f.image().cols());
            assertEquals(200, f.image().rows());
            // scale 0.5, letterboxed 25 px down in its cell; the fourth photo sits in the lower right cell
            assertBox(new PixelBox(25, 37.5, 50, 25), f.truth().get(0));
            assertBox(new PixelBox(125, 137.5, 50, 25), f.truth().get(3));
        }
        Files.writeString(dir.resolve("bad.png"), "not an image");
        List<LabeledImage> withBad = new ArrayList<>(imgs.subList(0, 3));
        withBad.add(new LabeledImage(dir.resolve("bad.png"), null));
        assertNull(Mosaic.compose(withBad, 2, 100));
    }

    @Test
    void aFrameFittedToASmallerSideShrinksWithItsBoxesAndOneThatFitsStaysItself() {
        Mosaic.Frame f = new Mosaic.Frame("m", new Mat(400, 600, CV_8UC3, new Scalar(90, 90, 90, 0)),
                List.of(new PixelBox(60, 40, 120, 80)));
        try (f; Mosaic.Frame small = f.fittedTo(300)) {
            assertEquals(300, small.image().cols());
            assertEquals(200, small.image().rows());
            assertBox(new PixelBox(30, 20, 60, 40), small.truth().get(0));
            assertEquals("m at 300x200", small.name());
            assertEquals(600, f.image().cols(), "the composed frame is left as it was");
            assertSame(f, f.fittedTo(600));
            assertSame(f, f.fittedTo(0));
        }
    }

    private static void assertBox(PixelBox want, PixelBox got) {
        assertEquals(want.x(), got.x(), 0.6);
        assertEquals(want.y(), got.y(), 0.6);
        assertEquals(want.w(), got.w(), 0.6);
        assertEquals(want.h(), got.h(), 0.6);
    }
}
