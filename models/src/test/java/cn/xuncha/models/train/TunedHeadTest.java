package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.BoxHead;
import cn.xuncha.models.boxes.DarknetTail;
import cn.xuncha.models.boxes.TailStart;
import java.io.IOException;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** A tuned head starts exactly where the head it starts from is (needs the backbone's Darknet files). */
class TunedHeadTest {

    @Test
    void aTunedHeadRunsTheSameThroughOpenCvAndATuningRunCanStartFromIt() throws IOException {
        BoxDetector start = shippedHead();
        for (TailStart from : TailStart.values()) {
            // a start later than the shipped head's own is refused (next test)
            if (keepsTheShippedTuning(start, from)) runsTheSameAndRestarts(start, from);
        }
    }

    private static void runsTheSameAndRestarts(BoxDetector start, TailStart from) throws IOException {
        ComputationGraph net = TunedHead.create(42, 1e-3, start.backbone(), start, from);
        // as if training had moved every weight a little
        net.params().muli(Nd4j.rand(DataType.FLOAT, net.params().shape()).muli(0.2).addi(0.9));
        BoxDetector inDl4j = new BoxDetector(net, start.backbone(), start.metadata(), 0.5);
        Backbone written = start.backbone().withTunedLayers(net);
        BoxDetector inOpenCv = new BoxDetector(BoxHead.frozenForm(net, written.variant()), start.backbone(), written, start.metadata(), 0.5);
        BoxDetector restarted = new BoxDetector(TunedHead.create(42, 1e-3, start.backbone(), inOpenCv, from), start.backbone(), start.metadata(), 0.5);
        try (Mat img = randomImage()) {
            DetectionResult want = inDl4j.proposals(img);
            assertTrue(Math.abs(want.maxScore() - start.proposals(img).maxScore()) > 1e-4, "the weights did change");
            assertSame(want, inOpenCv.proposals(img));
            assertEquals(start.backbone().sha256(), inOpenCv.backbone().sha256(), "backbone() stays the pre-trained network (older verifiers read it)");
            assertSame(want, restarted.proposals(img));
        }
    }

    /** Whether tuning from there keeps every layer the shipped head has tuned (it is refused otherwise). */
    private static boolean keepsTheShippedTuning(BoxDetector start, TailStart from) {
        return TailStart.ofHead(start.metadata().training()).map(from::keeps).orElse(true);
    }

    private static BoxDetector shippedHead() {
        Optional<BoxDetector> shipped = BoxDetector.loadDefault().filter(b -> b.backbone() != null);
        assumeTrue(shipped.isPresent(), "skipped: the backbone's files are not here, so no head on it loads");
        return shipped.get();
    }

    private static Mat randomImage() {
        Mat img = new Mat(240, 320, CV_8UC3);
        try (Mat lo = new Mat(1, 1, CV_64F, new Scalar(0)); Mat hi = new Mat(1, 1, CV_64F, new Scalar(255))) {
            randu(img, lo, hi);
        }
        return img;
    }

    private static void assertSame(DetectionResult want, DetectionResult got) {
        assertEquals(want.maxScore(), got.maxScore(), 1e-3);
        assertEquals(want.detections().size(), got.detections().size());
        for (int i = 0; i < want.detections().size(); i++) {
            assertEquals(want.detections().get(i).score(), got.detections().get(i).score(), 1e-3);
        }
    }

    @ParameterizedTest
    @EnumSource(TailStart.class)
    void beforeTrainingItGivesTheStartingHeadsMaps(TailStart from) throws IOException {
        BoxDetector start = shippedHead();
        if (!keepsTheShippedTuning(start, from)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TunedHead.create(42, 1e-3, start.backbone(), start, from));
            assertTrue(e.getMessage().contains("would drop those before it"), e.getMessage());
            return;
        }
        ComputationGraph net = TunedHead.create(42, 1e-3, start.backbone(), start, from);
        assertEquals(from, TailStart.of(net));
        BoxDetector tuned = new BoxDetector(net, start.backbone(), start.metadata(), start.detectionThreshold());
        assertTrue(tuned.tailInside());
        try (Mat img = randomImage()) {
            assertSame(start.proposals(img), tuned.proposals(img));
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
