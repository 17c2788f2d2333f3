package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.DarknetTail;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A tuned head starts exactly where the head it starts from is (needs the backbone's Darknet files). */
class TunedHeadTest {

    @Test
    void beforeTrainingItGivesTheStartingHeadsMaps() throws IOException {
        Optional<BoxDetector> shipped = BoxDetector.loadDefault().filter(b -> b.backbone() != null);
        assumeTrue(shipped.isPresent(), "skipped: the backbone's files are not here, so no head on it loads");
        BoxDetector start = shipped.get();
        ComputationGraph net = TunedHead.create(42, 1e-3, start.backbone(), start);
        BoxDetector tuned = new BoxDetector(net, start.backbone(), start.metadata(), start.detectionThreshold());
        assertTrue(tuned.tailInside());
        try (Mat img = new Mat(240, 320, CV_8UC3); Mat lo = new Mat(1, 1, CV_64F, new Scalar(0)); Mat hi = new Mat(1, 1, CV_64F, new Scalar(255))) {
            randu(img, lo, hi);
            var want = start.proposals(img);
            var got = tuned.proposals(img);
            assertEquals(want.maxScore(), got.maxScore(), 1e-4);
            assertEquals(want.detections().size(), got.detections().size());
            for (int i = 0; i < want.detections().size(); i++) {
                assertEquals(want.detections().get(i).score(), got.detections().get(i).score(), 1e-4);
            }
        }
        net.setLearningRate(0.003);
        TunedHead.slowTail(net, 0.003);
        for (Layer l : net.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (l.numParams() == 0) continue;
            double want = DarknetTail.isTailLayer(name) ? 0.001 : 0.003;
            assertEquals(want, net.getLearningRate(name), 1e-9, name);
        }
    }
}
