package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Tiling of large frames on a fake proposer that finds white squares: grid, seams, coordinates, small frames. */
class TiledProposerTest {

    /** Proposes one box per white square in the image it is shown (found by scanning for white pixels' extent). */
    private static final class WhiteBoxes implements BoxProposer {
        final List<int[]> shown = new ArrayList<>();

        @Override
        public DetectionResult proposals(Mat bgr) {
            shown.add(new int[] {bgr.cols(), bgr.rows()});
            int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            try (Mat copy = bgr.clone()) {
                var idx = copy.<org.bytedeco.javacpp.indexer.UByteIndexer>createIndexer();
                for (int y = 0; y < copy.rows(); y++) {
                    for (int x = 0; x < copy.cols(); x++) {
                        if (idx.get(y, x, 0) == 255) {
                            minX = Math.min(minX, x); maxX = Math.max(maxX, x);
                            minY = Math.min(minY, y); maxY = Math.max(maxY, y);
                        }
                    }
                }
                idx.close();
            }
            if (maxX < 0) return new DetectionResult(0, List.of());
            PixelBox b = new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
            return new DetectionResult(0.5, List.of(new Detection(Detection.EXPOSED_GARBAGE, 0.5, b)));
        }
    }

    @Test
    void tilesOverlapByAFifthAndCoverTheFrame() {
        assertArrayEquals(new int[] {0}, TiledProposer.offsets(720));
        int[] o = TiledProposer.offsets(1920);
        assertEquals(0, o[0]);
        assertEquals(1920 - TiledProposer.TILE, o[o.length - 1], "the last tile ends at the frame's edge");
        for (int i = 1; i < o.length; i++) {
            assertTrue(o[i] - o[i - 1] <= TiledProposer.TILE * (1 - TiledProposer.OVERLAP), "neighbours share >= a fifth");
        }
        assertEquals(8, TiledProposer.tiles(1920, 1080).size(), "4 across, 2 down");
        assertTrue(TiledProposer.tiles(1280, 720).isEmpty(), "a 720p frame is proposed on whole");
        assertTrue(TiledProposer.tiles(640, 640).isEmpty());
    }

    @Test
    void aSmallFrameIsProposedOnOnce() {
        WhiteBoxes inner = new WhiteBoxes();
        try (Mat img = new Mat(480, 640, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            new TiledProposer(inner).proposals(img);
        }
        assertEquals(1, inner.shown.size());
    }

    @Test
    void aSmallObjectInALargeFrameIsFoundInItsTileInFramePixels() {
        WhiteBoxes inner = new WhiteBoxes();
        try (Mat img = new Mat(1080, 1920, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            rectangle(img, new Point(1500, 900), new Point(1529, 929), new Scalar(255, 255, 255, 0), -1, 8, 0);
            DetectionResult r = new TiledProposer(inner).proposals(img);
            assertEquals(1 + 8, inner.shown.size(), "the whole frame, then every tile");
            assertTrue(inner.shown.stream().skip(1).allMatch(s -> s[0] == 720 && s[1] == 720), "tiles are 720 px");
            List<PixelBox> boxes = r.detections().stream().map(Detection::box).toList();
            PixelBox want = new PixelBox(1500, 900, 30, 30);
            assertTrue(boxes.size() >= 2, "the frame pass and at least one tile: " + boxes);
            assertTrue(boxes.stream().allMatch(b -> b.iou(want) > 0.99), "every box in frame pixels: " + boxes);
        }
    }

    @Test
    void anObjectCutByASeamIsLeftToTheTileThatHoldsItWhole() {
        Rect left = new Rect(0, 0, 720, 720), right = new Rect(600, 0, 720, 720);
        // a box reaching the left tile's right edge continues into the next tile: dropped there
        assertTrue(TiledProposer.cutBySeam(new PixelBox(700, 100, 20, 20), left, 1320, 720));
        assertTrue(TiledProposer.cutBySeam(new PixelBox(0, 100, 20, 20), right, 1320, 720));
        // the frame's own edges are not seams
        assertEquals(false, TiledProposer.cutBySeam(new PixelBox(0, 0, 20, 20), left, 1320, 720));
        assertEquals(false, TiledProposer.cutBySeam(new PixelBox(700, 700, 20, 20), right, 1320, 720));
        left.close();
        right.close();
    }

    @Test
    void aCloseUpIsProposedOnWholeAndAFarViewInTiles() {
        try (Mat near = new Mat(1080, 1920, CV_8UC3, new Scalar(0, 0, 0, 0)); Mat far = new Mat(1080, 1920, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            rectangle(near, new Point(500, 300), new Point(899, 699), new Scalar(255, 255, 255, 0), -1, 8, 0); // 400 px: a fifth of 1080 and more
            rectangle(far, new Point(500, 300), new Point(599, 399), new Scalar(255, 255, 255, 0), -1, 8, 0); // 100 px
            WhiteBoxes nearProposer = new WhiteBoxes(), farProposer = new WhiteBoxes();
            new TiledProposer(nearProposer).proposals(near);
            new TiledProposer(farProposer).proposals(far);
            assertEquals(1, nearProposer.shown.size(), "the whole frame only: its tiles would show parts of the big object");
            assertEquals(1 + TiledProposer.tiles(1920, 1080).size(), farProposer.shown.size(), "the whole frame, then every tile");
        }
    }

    @Test
    void onlyAConfidentLargeBoxMakesACloseUp() {
        PixelBox big = new PixelBox(0, 0, 300, 300), small = new PixelBox(0, 0, 200, 200);
        assertTrue(TiledProposer.closeUp(result(0.5, big), 1920, 1080));
        assertTrue(!TiledProposer.closeUp(result(0.49, big), 1920, 1080), "an unsure big box is not enough");
        assertTrue(!TiledProposer.closeUp(result(0.9, small), 1920, 1080), "200 px is under a fifth of 1080");
    }

    private static DetectionResult result(double score, PixelBox box) {
        return new DetectionResult(score, List.of(new Detection(Detection.EXPOSED_GARBAGE, score, box)));
    }
}
