package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.BoxProposer;
import cn.xuncha.models.Detection;
import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.data.PixelBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proposal crops for the verifier: labelled by overlap with the bags, ambiguous ones skipped, cut as at run time. */
class ProposalCropsTest {

    private static Detection d(double x, double y, double w, double h) {
        return new Detection(Detection.EXPOSED_GARBAGE, 0.5, new PixelBox(x, y, w, h));
    }

    @Test
    void aProposalIsABagBackgroundOrSkippedByItsBestOverlap() {
        List<PixelBox> bags = List.of(new PixelBox(0, 0, 100, 100), new PixelBox(300, 300, 50, 50));
        assertEquals(1, ProposalCrops.label(new PixelBox(300, 300, 50, 60), bags), "IoU 0.83 with the second bag");
        assertEquals(1, ProposalCrops.label(new PixelBox(0, 0, 100, 40), bags), "IoU 0.4 exactly");
        assertEquals(-1, ProposalCrops.label(new PixelBox(0, 0, 100, 30), bags), "IoU 0.3: a loose box, neither");
        assertEquals(0, ProposalCrops.label(new PixelBox(0, 0, 100, 15), bags), "IoU 0.15: a part of a bag");
        assertEquals(0, ProposalCrops.label(new PixelBox(150, 150, 40, 40), List.of()), "a photo without bags");
    }

    @Test
    void cropsAreTheSquarePaddedWindowAtTheScorersSize(@TempDir Path dir) throws IOException {
        Path img = dir.resolve("p.png"), lbl = dir.resolve("p.txt");
        try (Mat m = new Mat(200, 200, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            try (Mat bag = m.apply(new Rect(40, 40, 40, 40))) {
                bag.put(new Scalar(255, 255, 255, 0));
            }
            imwrite(img.toString(), m);
        }
        Files.writeString(lbl, "0 0.3 0.3 0.2 0.2\n"); // the white square, in YOLO units
        BoxProposer proposer = image -> new DetectionResult(0.9, List.of(d(40, 40, 40, 40), d(140, 140, 40, 40), d(40, 40, 40, 14)));
        AtomicInteger seen = new AtomicInteger();
        List<Patch> crops = new ProposalCrops(proposer, 16).photos(List.of(new LabeledImage(img, lbl)), seen::incrementAndGet).crops();
        assertEquals(1, seen.get());
        assertEquals(2, crops.size(), "the bag and the background; the sliver of the bag (IoU 0.35) is skipped");
        assertEquals(1, crops.get(0).label());
        assertEquals(16 * 16 * 3, crops.get(0).bgr().length);
        assertTrue(mean(crops.get(0).bgr()) > 100, "the bag crop shows the white square");
        assertEquals(0, crops.get(1).label());
        assertEquals(0, mean(crops.get(1).bgr()), 1e-9, "the background crop is black");
        List<ProposalCrops.Proposal> all = new ProposalCrops(proposer, 16).photos(List.of(new LabeledImage(img, lbl)), () -> {}).proposals();
        assertEquals(3, all.size(), "as proposals, the sliver is kept with its overlap");
        assertEquals(1.0, all.get(0).iou(), 1e-9);
        assertEquals(0.35, all.get(2).iou(), 1e-9);
        assertEquals(40 / 14.0, all.get(2).aspect(), 1e-9);
        assertArrayEquals(new double[] {0, 0, 0, 0}, all.get(0).delta(), 1e-9, "on the bag already");
        assertArrayEquals(new double[] {0, 13 / 14.0, 0, Math.log(40 / 14.0)}, all.get(2).delta(), 1e-9, "the sliver grows onto the bag");
        assertEquals(null, all.get(0).context(), "no context crops unless asked for");
        List<ProposalCrops.Proposal> withContext = new ProposalCrops(proposer, 16, 3.0).photos(List.of(new LabeledImage(img, lbl)), () -> {}).proposals();
        byte[] around = withContext.get(0).context();
        assertEquals(16 * 16 * 3, around.length);
        assertArrayEquals(all.get(0).bgr(), withContext.get(0).bgr(), "the box crop is cut as before");
        assertTrue(mean(around) < mean(withContext.get(0).bgr()) / 2, "the context shows the black ground around the white bag");
        assertTrue(mean(around) > 0, "and the bag in it");
        assertEquals(null, all.get(1).delta(), "background: nothing to move onto");

        LabeledImage missing = new LabeledImage(dir.resolve("absent.jpg"), lbl);
        IOException e = assertThrows(IOException.class, () -> new ProposalCrops(proposer, 16).photos(List.of(missing), () -> {}));
        assertTrue(e.getMessage().contains("absent.jpg"), e.getMessage());
    }

    @Test
    void everyProposalOnAGarbageFreeCameraFrameIsBackground() {
        BoxProposer proposer = image -> new DetectionResult(0.9, List.of(d(10, 10, 30, 30), d(60, 60, 20, 20)));
        try (Mat frame = new Mat(120, 160, CV_8UC3, new Scalar(90, 90, 90, 0))) {
            List<Patch> crops = new ProposalCrops(proposer, 16).backgrounds(List.of(frame), () -> {}).crops();
            assertEquals(List.of(0, 0), crops.stream().map(Patch::label).toList());
        }
    }

    private static double mean(byte[] bgr) {
        double s = 0;
        for (byte b : bgr) s += b & 0xff;
        return s / bgr.length;
    }
}
