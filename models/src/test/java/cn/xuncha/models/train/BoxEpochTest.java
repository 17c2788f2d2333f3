package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.boxes.BoxNet;
import cn.xuncha.models.boxes.BoxTraining;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.YoloDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxEpochTest {

    @Test
    void everyPhotoOnceHalfOfThemInMosaicsOfFour() {
        List<LabeledImage> photos = new ArrayList<>();
        for (int i = 0; i < 100; i++) photos.add(new LabeledImage(Path.of(i + ".jpg"), null));
        try (Mat frame = new Mat(8, 8, CV_8UC3)) {
            List<Object> items = BoxEpoch.items(photos, List.of(frame), 0, new Random(5));
            List<Object> flat = new ArrayList<>();
            int groups = 0;
            for (Object it : items) {
                if (it instanceof List<?> g) {
                    assertEquals(4, g.size());
                    flat.addAll(g);
                    groups++;
                } else {
                    flat.add(it);
                }
            }
            assertEquals(115, flat.size(), "100 photos + 15 % camera frames");
            assertTrue(flat.containsAll(photos));
            assertEquals(14, groups, "half of 115, rounded down to whole mosaics");
        }
    }

    @Test
    void aMosaicGroupBecomesOneInputWithEveryPhotosBoxes(@TempDir Path dir) throws IOException {
        List<Object> group = new ArrayList<>();
        for (int i = 0; i < 3; i++) group.add(photo(dir, "p" + i, "0 0.5 0.5 0.9 0.9\n"));
        try (Mat frame = new Mat(120, 160, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            group.add(frame);
            BoxTraining.Input in = BoxEpoch.input(group, 64, 0, new Random(1));
            assertEquals(64 * 64 * 3, in.bgr().length);
            assertEquals(64 / BoxNet.STRIDE, in.targets().gw());
            assertTrue(frame.data() != null && !frame.isNull(), "the shared camera frame stays open");
        }
        LabeledImage missing = new LabeledImage(dir.resolve("absent.jpg"), null);
        IOException e = assertThrows(IOException.class, () -> BoxEpoch.input(missing, 64, 0, new Random(1)));
        assertTrue(e.getMessage().contains("absent.jpg"), e.getMessage());
    }

    @Test
    void aHeadsShareOfInputsComesOutGreyAndAColourRecipeDrawsNothingExtra(@TempDir Path dir) throws IOException {
        LabeledImage photo = colourPhoto(dir);
        int grey = 0, runs = 300;
        for (int seed = 0; seed < runs; seed++) {
            if (allChannelsEqual(BoxEpoch.input(photo, 64, BoxEpoch.HEAD_GREY_SHARE, new Random(seed)).bgr())) grey++;
        }
        assertEquals(BoxEpoch.HEAD_GREY_SHARE, grey / (double) runs, 0.06, "grey share");
        Random colourOnly = new Random(3), plainCut = new Random(3);
        try (Mat img = imread(photo.image().toString())) {
            for (int i = 0; i < 20; i++) {
                byte[] px = BoxEpoch.input(photo, 64, 0, colourOnly).bgr();
                assertFalse(allChannelsEqual(px), "share 0: never grey");
                assertArrayEquals(BoxTraining.cut(img, YoloDataset.boxes(photo, 100, 100), 64, plainCut).bgr(), px);
            }
        }
        assertEquals(plainCut.nextLong(), colourOnly.nextLong(), "share 0 draws nothing beyond the plain cut");
    }

    private static LabeledImage colourPhoto(Path dir) throws IOException {
        Path img = dir.resolve("red.png"), lbl = dir.resolve("red.txt");
        try (Mat m = new Mat(100, 100, CV_8UC3, new Scalar(20, 40, 200, 0))) {
            imwrite(img.toString(), m);
        }
        Files.writeString(lbl, "0 0.5 0.5 0.4 0.4\n");
        return new LabeledImage(img, lbl);
    }

    private static boolean allChannelsEqual(byte[] px) {
        for (int i = 0; i + 2 < px.length; i += 3) {
            if (px[i] != px[i + 1] || px[i + 1] != px[i + 2]) return false;
        }
        return true;
    }

    private static LabeledImage photo(Path dir, String name, String label) throws IOException {
        Path img = dir.resolve(name + ".png"), lbl = dir.resolve(name + ".txt");
        try (Mat m = new Mat(100, 100, CV_8UC3, new Scalar(200, 200, 200, 0))) {
            imwrite(img.toString(), m);
        }
        Files.writeString(lbl, label);
        return new LabeledImage(img, lbl);
    }
}
