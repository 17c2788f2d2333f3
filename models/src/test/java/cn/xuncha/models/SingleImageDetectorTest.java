package cn.xuncha.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.data.PixelBox;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class SingleImageDetectorTest {

    private static Detection d(double s, double x, double y, double w) {
        return new Detection(Detection.EXPOSED_GARBAGE, s, new PixelBox(x, y, w, w));
    }

    @Test
    void overlappingWindowsCollapseIntoOneVotedBox() {
        List<Detection> kept = SingleImageDetector.suppress(List.of(
                d(0.9, 100, 100, 50), d(0.8, 104, 104, 50), d(0.7, 300, 300, 40), d(0.6, 110, 110, 20)));
        assertEquals(2, kept.size());
        assertEquals(0.9, kept.get(0).score());
        PixelBox voted = kept.get(0).box();
        assertTrue(voted.x() > 100 && voted.x() < 104, "voted box lies between the two overlapping windows: " + voted);
        assertEquals(0.7, kept.get(1).score());
    }

    @Test
    void boxesStayInsideTheImageAndAboveThreshold() {
        try (GarbageClassifier c = TestModels.untrained(2, 0.0); Mat img = GarbageClassifierTest.noise(150, 260, 3)) {
            DetectionResult r = new SingleImageDetector(c, 0.5).detect(img);
            assertTrue(r.maxScore() >= 0 && r.maxScore() <= 1);
            for (Detection det : r.detections()) {
                assertTrue(det.score() >= 0.5 && det.score() <= r.maxScore() + 1e-6);
                PixelBox b = det.box();
                assertTrue(b.x() >= -1e-6 && b.y() >= -1e-6 && b.x() + b.w() <= 260 + 1e-6 && b.y() + b.h() <= 150 + 1e-6, b.toString());
            }
        }
    }
}
