package cn.xuncha.models.boxes;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The backbone's part past the stride-8 map rebuilt in DL4J computes what OpenCV DNN computes (needs the Darknet files). */
class DarknetTailTest {

    @Test
    void theRebuiltTailMatchesOpenCvOnTheSameInputMaps() throws IOException {
        for (BackboneVariant v : BackboneVariant.values()) {
            for (TailStart start : TailStart.values()) {
                Path dir = Backbone.directory();
                assumeTrue(Files.isRegularFile(Backbone.weights(dir, v)), "skipped: backbone files not found in " + dir);
                DarknetCfg cfg = DarknetCfg.read(Backbone.cfg(dir, v));
                int first = start.firstLayer();
                assertEquals(cfg.layer(first - 1).outChannels(), start.inputChannels(v), v + " " + start + ": channels of the tail's input");
                DarknetTail tail = new DarknetTail(cfg, first, BoxHead.TAIL_LAST);
                ComputationGraph net = tailNet(tail, v, start);
                tail.load(net, Files.readAllBytes(Backbone.weights(dir, v)), v.fileName());
                try (Backbone bb = Backbone.open(dir, v); Mat img = randomImage()) {
                    INDArray[] f = bb.features(List.of(img));
                    INDArray mine = net.outputSingle(false, bb.tailInputs(List.of(img), start)[1]);
                    assertArrayEquals(f[1].shape(), mine.shape(), v + " " + start + ": shape");
                    double scale = f[1].amaxNumber().doubleValue();
                    double err = mine.sub(f[1]).amaxNumber().doubleValue();
                    assertTrue(err < 1e-3 * Math.max(1, scale), v + " " + start + ": largest difference " + err + " on values up to " + scale);
                }
            }
        }
    }

    /** The tail alone as a network on the 256x384 maps where it starts. */
    private static ComputationGraph tailNet(DarknetTail tail, BackboneVariant v, TailStart start) {
        GraphBuilder b = BoxNet.graph(1, 1e-3).addInputs("mid");
        b.setOutputs(tail.addTo(b, "mid")).setInputTypes(InputType.convolutional(256 / start.inputStride(), 384 / start.inputStride(),
                start.inputChannels(v)));
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    private static Mat randomImage() {
        Mat img = new Mat(256, 384, CV_8UC3);
        randu(img, new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0)),
                new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(255)));
        return img;
    }

    @Test
    void tunedLayersWrittenBackIntoTheWeightsRunTheSameInOpenCv() throws IOException {
        BackboneVariant v = BackboneVariant.XL;
        Path dir = Backbone.directory();
        assumeTrue(Files.isRegularFile(Backbone.weights(dir, v)), "skipped: backbone files not found in " + dir);
        // the earlier start: more layers written back, and the tuned network must be told apart by its layers alone
        TailStart start = TailStart.AFTER_STRIDE8;
        DarknetTail tail = new DarknetTail(DarknetCfg.read(Backbone.cfg(dir, v)), start.firstLayer(), BoxHead.TAIL_LAST);
        ComputationGraph net = tailNet(tail, v, start);
        assertEquals(start, TailStart.of(net));
        tail.load(net, Files.readAllBytes(Backbone.weights(dir, v)), v.fileName());
        // as if training had moved every tuned weight
        net.params().muli(org.nd4j.linalg.factory.Nd4j.rand(org.nd4j.linalg.api.buffer.DataType.FLOAT, net.params().shape()).muli(0.4).addi(0.8));
        try (Backbone original = Backbone.open(dir, v);
             Backbone tuned = original.withTunedLayers(net);
             Mat img = randomImage()) {
            INDArray want = net.outputSingle(false, original.tailInputs(List.of(img), start)[1]);
            INDArray[] got = tuned.features(List.of(img));
            assertEquals(original.features(List.of(img))[0].sub(got[0]).amaxNumber().doubleValue(), 0, 1e-6, "the stride-8 map is not tuned");
            double err = want.sub(got[1]).amaxNumber().doubleValue();
            assertTrue(err < 1e-3 * Math.max(1, want.amaxNumber().doubleValue()), "largest difference " + err);
            assertTrue(original.features(List.of(img))[1].sub(got[1]).amaxNumber().doubleValue() > 0.01, "the deep map did change");
            assertTrue(!tuned.sha256().equals(original.sha256()));
        }
    }

    @Test
    void aWeightsFileThatDoesNotFitTheCfgIsRefusedWithItsName(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("t.cfg"), weights = tmp.resolve("t.weights");
        Files.writeString(cfg, "[net]\nchannels=3\n[convolutional]\nfilters=4\nsize=1\nstride=1\npad=1\nactivation=leaky\n"
                + "[convolutional]\nfilters=2\nsize=3\nstride=1\npad=1\nbatch_normalize=1\nactivation=linear\n");
        DarknetCfg parsed = DarknetCfg.read(cfg);
        assertEquals(4, parsed.layer(1).inChannels());
        DarknetTail tail = new DarknetTail(parsed, 1, 1);
        GraphBuilder b = BoxNet.graph(1, 1e-3).addInputs("in");
        b.setOutputs(tail.addTo(b, "in")).setInputTypes(InputType.convolutional(8, 8, 4));
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        Files.write(weights, new byte[20 + 4 * (4 + 12)]); // header and layer 0 only
        IOException e = assertThrows(IOException.class, () -> tail.load(net, Files.readAllBytes(weights), weights.toString()));
        assertTrue(e.getMessage().contains("t.weights") && e.getMessage().contains("layer 1"), e.getMessage());
    }
}
