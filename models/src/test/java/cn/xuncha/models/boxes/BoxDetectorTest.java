package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.Detection;
import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.data.PixelBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Synthetic scenes: dark "bags" (filled ellipses) on a noisy light ground. */
class BoxDetectorTest {
    private static final int SIZE = 64;

    @Test
    void learnsToFindBlobsAndSurvivesASaveLoadRoundTrip(@TempDir Path dir) throws Exception {
        ComputationGraph net = BoxNet.create(1, 0.003);
        Random rnd = new Random(3);
        for (int it = 0; it < 150; it++) {
            List<BoxTraining.Input> batch = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<PixelBox> truth = new ArrayList<>();
                try (Mat img = scene(rnd, truth)) {
                    batch.add(new BoxTraining.Input(cn.xuncha.models.net.MatTensors.bytes(img), BoxTargets.encode(truth, SIZE, SIZE)));
                }
            }
            net.fit(BoxTraining.batch(batch, SIZE));
        }
        ModelMetadata meta = new ModelMetadata(List.of("background", "garbage"), SIZE, 0, 0.3, 0.3, "test", Map.of(), Map.of());
        Path zip = dir.resolve("boxes.zip");
        ModelFiles.write(net, meta, zip);
        BoxDetector loaded = BoxDetector.load(zip);
        assertEquals(0.3, loaded.detectionThreshold());
        assertEquals(ModelFiles.sha256(java.nio.file.Files.readAllBytes(zip)), loaded.sha256(), "names the exact zip it came from");
        assertEquals(loaded.sha256(), loaded.withThreshold(0.5).sha256());

        int found = 0, truthCount = 0;
        for (int k = 0; k < 10; k++) {
            List<PixelBox> truth = new ArrayList<>();
            try (Mat img = scene(rnd, truth)) {
                DetectionResult r = loaded.detect(img);
                truthCount += truth.size();
                for (PixelBox t : truth) {
                    if (r.detections().stream().anyMatch(d -> d.box().iou(t) >= 0.3)) found++;
                }
                for (Detection d : r.detections()) {
                    assertTrue(d.box().x() >= 0 && d.box().y() >= 0 && d.box().x() + d.box().w() <= SIZE + 1e-6, "box inside image: " + d);
                }
            }
        }
        assertTrue(found >= 0.7 * truthCount, "found " + found + " of " + truthCount + " blobs");
    }

    @Test
    void anEmptyGroundGivesNoBoxesAtAHighThreshold() throws Exception {
        ComputationGraph net = BoxNet.create(1, 0.001);
        ModelMetadata meta = new ModelMetadata(List.of("background", "garbage"), SIZE, 0, 0.99, 0.99, "test", Map.of(), Map.of());
        try (Mat img = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(180, 180, 180, 0))) {
            DetectionResult r = new BoxDetector(net, meta, 0.999).detect(img);
            assertTrue(r.detections().isEmpty());
            assertTrue(r.maxScore() >= 0 && r.maxScore() <= 1);
        }
    }

    private static Mat scene(Random rnd, List<PixelBox> truth) {
        Mat img = new Mat(SIZE, SIZE, CV_8UC3, new Scalar(170 + rnd.nextInt(40), 170 + rnd.nextInt(40), 170 + rnd.nextInt(40), 0));
        int blobs = 1 + rnd.nextInt(2);
        for (int b = 0; b < blobs; b++) {
            int w = 12 + rnd.nextInt(14), h = 12 + rnd.nextInt(14);
            int x = rnd.nextInt(SIZE - w), y = rnd.nextInt(SIZE - h);
            PixelBox box = new PixelBox(x, y, w, h);
            if (truth.stream().anyMatch(t -> t.intersection(box) > 0)) continue;
            int v = rnd.nextInt(60);
            ellipse(img, new Point(x + w / 2, y + h / 2), new Size(w / 2, h / 2), 0, 0, 360, new Scalar(v, v, v + 20, 0), FILLED, 8, 0);
            truth.add(box);
        }
        return img;
    }
}
