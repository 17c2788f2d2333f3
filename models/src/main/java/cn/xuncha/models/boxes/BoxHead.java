package cn.xuncha.models.boxes;

import java.io.IOException;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;

/**
 * {@link BoxNet}'s "heat" and "box" heads on a frozen {@link Backbone}: the stride-16 features are upsampled and
 * merged with the stride-8 ones, then 1x1 and two 3x3 convolutions (one dilated, for context around a pile) feed
 * the same per-cell heads, so targets and decoding are unchanged. Inputs "s8" and "deep", in that order, with the
 * channel counts of the backbone variant it is built for. A tuned head ({@link #createTuned}) also holds the
 * backbone's deeper layers, fine-tuned with it.
 */
public final class BoxHead {
    /** The last backbone layer a tuned head holds: the stride-16 map; where it starts is a {@link TailStart}. */
    public static final int TAIL_LAST = 128;
    /** A tuned head's second input: the backbone's map before the first layer it holds ({@link TailStart}). */
    public static final String MID_INPUT = "mid";

    private BoxHead() {}

    public static ComputationGraph create(long seed, double learningRate, BackboneVariant backbone) {
        int g = BoxNet.TRAIN_INPUT / BoxNet.STRIDE;
        GraphBuilder b = BoxNet.graph(seed, learningRate).addInputs("s8", "deep");
        addHead(b, "deep").setInputTypes(InputType.convolutional(g, g, backbone.stride8Channels()),
                InputType.convolutional(g / 2, g / 2, backbone.deepChannels()));
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        return net;
    }

    /**
     * The same head with the backbone's deeper layers (Darknet layers from the tail's {@link TailStart} to
     * {@link #TAIL_LAST}: at least its stride-32 part and the second branch back at stride 16) inside it, loaded with
     * the pre-trained weights, so that training fine-tunes them too. Inputs "s8" and "mid" ({@link Backbone#tailInputs}).
     */
    public static ComputationGraph createTuned(long seed, double learningRate, BackboneVariant backbone, DarknetTail tail, byte[] weights)
            throws IOException {
        int g = BoxNet.TRAIN_INPUT / BoxNet.STRIDE;
        TailStart start = TailStart.atLayer(tail.first());
        int m = BoxNet.TRAIN_INPUT / start.inputStride();
        GraphBuilder b = BoxNet.graph(seed, learningRate).addInputs("s8", MID_INPUT);
        addHead(b, tail.addTo(b, MID_INPUT)).setInputTypes(InputType.convolutional(g, g, backbone.stride8Channels()),
                InputType.convolutional(m, m, start.inputChannels(backbone)));
        ComputationGraph net = new ComputationGraph(b.build());
        net.init();
        tail.load(net, weights, backbone.fileName() + " weights");
        return net;
    }

    /** Whether a head network holds the backbone's deeper layers (takes "mid" instead of "deep"). */
    public static boolean isTuned(ComputationGraph net) {
        return net.getConfiguration().getNetworkInputs().contains(MID_INPUT);
    }

    /**
     * A tuned head in the frozen head's form (inputs "s8" and "deep"), its head layers copied: for a backbone that
     * has the tuned layers written into it ({@link Backbone#withTunedLayers}).
     */
    public static ComputationGraph frozenForm(ComputationGraph tuned, BackboneVariant backbone) {
        ComputationGraph plain = create(0, 1e-3, backbone);
        for (org.deeplearning4j.nn.api.Layer l : plain.getLayers()) {
            if (l.numParams() > 0) l.setParams(tuned.getLayer(l.conf().getLayer().getLayerName()).params().dup());
        }
        return plain;
    }

    private static GraphBuilder addHead(GraphBuilder b, String deep) {
        b.addLayer("up", new Upsampling2D.Builder(2).build(), deep)
                .addVertex("fuse", new MergeVertex(), "s8", "up")
                .addLayer("h1", conv(1, 1, 96), "fuse")
                .addLayer("h2", conv(3, 1, 64), "h1")
                .addLayer("h3", conv(3, 2, 64), "h2");
        return BoxNet.addHeads(b, "h3");
    }

    private static ConvolutionLayer conv(int k, int dilation, int out) {
        return new ConvolutionLayer.Builder(k, k).dilation(dilation, dilation).nOut(out).activation(Activation.RELU).build();
    }
}
