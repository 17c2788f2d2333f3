package cn.xuncha.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.xuncha.models.boxes.BoxDetector;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Proposals of the committed box model pooled over scales, in the frame's own pixels. */
class MultiScaleProposerTest {

    @Test
    void poolsTheProposalsOfEveryScaleInFramePixels() {
        BoxDetector boxes = BoxDetector.loadDefault().orElseThrow();
        int base = boxes.inputSize(), larger = base * 3 / 2;
        try (Mat img = new Mat(360, 480, CV_8UC3, new Scalar(120, 130, 140, 0))) {
            for (int i = 0; i < 6; i++) rectangle(img, new Point(40 + 70 * i, 200), new Point(90 + 70 * i, 260), new Scalar(30 * i, 200, 60, 0), -1, 8, 0);
            DetectionResult one = new MultiScaleProposer(boxes, List.of(base)).proposals(img);
            DetectionResult two = new MultiScaleProposer(boxes, List.of(base, larger)).proposals(img);
            assertEquals(boxes.proposals(img).detections(), one.detections(), "one scale: the box model's own proposals");
            assertEquals(one.detections().size() + boxes.proposalsAt(img, larger).detections().size(), two.detections().size());
            assertTrue(two.maxScore() >= one.maxScore());
            for (Detection d : two.detections()) {
                assertTrue(d.box().x() >= 0 && d.box().y() >= 0 && d.box().x() + d.box().w() <= 480.5 && d.box().y() + d.box().h() <= 360.5, d.toString());
            }
        }
        assertEquals("at 256+384 px", new MultiScaleProposer(boxes, List.of(256, 384)).scales());
        assertThrows(IllegalArgumentException.class, () -> new MultiScaleProposer(boxes, List.of()));
    }
}
