package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class BoxSamplesTest {

    @Test
    void aMosaicKeepsEachPhotosBoxesInsideItsOwnCell() {
        List<Mat> imgs = new ArrayList<>();
        List<List<PixelBox>> truths = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            imgs.add(new Mat(200, 200, CV_8UC3, new Scalar(100, 100, 100, 0)));
            // the third photo has no garbage: its cell must stay empty
            truths.add(k == 2 ? List.of() : List.of(new PixelBox(60, 60, 80, 80)));
        }
        int[] perCell = new int[4];
        try {
            for (int seed = 0; seed < 30; seed++) {
                BoxSamples.Sample s = BoxSamples.mosaic(imgs, truths, 64, new Random(seed));
                assertEquals(64 * 64 * 3, s.bgr().length);
                for (PixelBox b : s.boxes()) {
                    int cx = (int) (b.x() / 32), cy = (int) (b.y() / 32);
                    assertTrue(b.x() + b.w() <= (cx + 1) * 32 + 1e-9 && b.y() + b.h() <= (cy + 1) * 32 + 1e-9,
                            "box within one cell: " + b);
                    perCell[cy * 2 + cx]++;
                }
            }
        } finally {
            imgs.forEach(Mat::close);
        }
        assertEquals(0, perCell[2], "no box where the photo had none");
        assertTrue(perCell[0] > 10 && perCell[1] > 10 && perCell[3] > 10, "boxes per cell " + java.util.Arrays.toString(perCell));
    }

    @Test
    void aMosaicNeedsASquareNumberOfPhotos() {
        try (Mat m = new Mat(10, 10, CV_8UC3)) {
            assertThrows(IllegalArgumentException.class,
                    () -> BoxSamples.mosaic(List.of(m, m, m), List.of(List.of(), List.of(), List.of()), 64, new Random(1)));
        }
    }
}
