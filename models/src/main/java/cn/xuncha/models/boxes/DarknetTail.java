package cn.xuncha.models.boxes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DepthwiseConvolution2D;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.Upsampling2D;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Layers first..last of a Darknet network rebuilt as DL4J graph vertices (named "dn" + Darknet's index) and loaded
 * with its weights, batch norm folded into each convolution, so that the part of a pre-trained backbone past a map
 * OpenCV computes can be fine-tuned. Only what layer last depends on is built; dropout is left out (inference form).
 */
public final class DarknetTail {
    /** Prefix of every vertex this class adds (for per-layer learning rates). */
    public static final String PREFIX = "dn";
    /** OpenCV's batch-norm epsilon for Darknet files: the folded weights match what OpenCV DNN computes. */
    private static final double BN_EPS = 1e-6;

    private final DarknetCfg cfg;
    private final int first, last;
    private final TreeSet<Integer> needed = new TreeSet<>();
    private final Map<Integer, String> names = new HashMap<>();

    public DarknetTail(DarknetCfg cfg, int first, int last) {
        this.cfg = cfg;
        this.first = first;
        this.last = last;
        collect(last);
    }

    /** The first Darknet layer of the tail (it reads layer first - 1's output). */
    public int first() {
        return first;
    }

    private void collect(int i) {
        if (i < first || !needed.add(i)) return;
        for (int s : cfg.layer(i).sources()) {
            if (s < first && s != first - 1) {
                throw new IllegalArgumentException("layer " + i + " reads layer " + s + ", before the tail's input (layer " + (first - 1) + ")");
            }
            collect(s);
        }
    }

    /** Adds the layers to b, the first reading input (layer first-1's output); returns the name of layer last's output. */
    public String addTo(GraphBuilder b, String input) {
        names.put(first - 1, input);
        for (int i : needed) {
            DarknetCfg.Layer l = cfg.layer(i);
            List<Integer> src = l.sources();
            String name = PREFIX + i;
            switch (l.type()) {
                case "convolutional" -> b.addLayer(name, conv(l), names.get(src.get(0)));
                case "shortcut" -> b.addVertex(name, new ElementWiseVertex(ElementWiseVertex.Op.Add), names.get(src.get(0)), names.get(src.get(1)));
                case "maxpool" -> b.addLayer(name, new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(l.integer("size", 2), l.integer("size", 2))
                        .stride(l.integer("stride", 2), l.integer("stride", 2)).convolutionMode(ConvolutionMode.Same).build(), names.get(src.get(0)));
                case "upsample" -> b.addLayer(name, new Upsampling2D.Builder(l.integer("stride", 2)).build(), names.get(src.get(0)));
                case "route" -> {
                    if (src.size() == 1) name = names.get(src.get(0));
                    else b.addVertex(name, new MergeVertex(), src.stream().map(names::get).toArray(String[]::new));
                }
                case "dropout" -> name = names.get(src.get(0));
                default -> throw new IllegalArgumentException("layer " + i + ": Darknet layer type [" + l.type() + "] is not supported in a tail");
            }
            names.put(i, name);
        }
        return names.get(last);
    }

    private static Layer conv(DarknetCfg.Layer l) {
        int k = l.integer("size", 1), s = l.integer("stride", 1), pad = l.integer("pad", 0) == 1 ? k / 2 : l.integer("padding", 0);
        IActivation act = switch (l.keys().getOrDefault("activation", "logistic")) {
            case "leaky" -> new ActivationLReLU(0.1);
            case "linear" -> new ActivationIdentity();
            default -> throw new IllegalArgumentException("layer " + l.index() + ": activation " + l.keys().get("activation") + " is not supported");
        };
        int groups = l.integer("groups", 1);
        if (groups == 1) {
            return new ConvolutionLayer.Builder(k, k).stride(s, s).padding(pad, pad).convolutionMode(ConvolutionMode.Truncate)
                    .nIn(l.inChannels()).nOut(l.outChannels()).activation(act).build();
        }
        if (groups != l.inChannels() || groups != l.outChannels()) {
            throw new IllegalArgumentException("layer " + l.index() + ": only depthwise grouped convolutions are supported");
        }
        return new DepthwiseConvolution2D.Builder(k, k).stride(s, s).padding(pad, pad).convolutionMode(ConvolutionMode.Truncate)
                .depthMultiplier(1).nIn(l.inChannels()).nOut(l.outChannels()).activation(act).build();
    }

    /** Whether a graph vertex belongs to a tail. */
    public static boolean isTailLayer(String name) {
        return name.startsWith(PREFIX) && name.length() > PREFIX.length() && Character.isDigit(name.charAt(PREFIX.length()));
    }

    /**
     * Sets every tail convolution's kernel and bias (batch norm folded in) from a Darknet weights file's bytes; what
     * names them in errors.
     */
    public void load(ComputationGraph net, byte[] weights, String what) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(weights).order(ByteOrder.LITTLE_ENDIAN);
        walk(buf, what, (l, at) -> {
            int f = l.outChannels();
            float[] bias = floats(buf, at, f), scale = new float[f];
            int next = at + 4 * f;
            if (l.batchNormalized()) {
                float[] gamma = floats(buf, next, f), mean = floats(buf, next + 4 * f, f), var = floats(buf, next + 8 * f, f);
                for (int c = 0; c < f; c++) {
                    scale[c] = (float) (gamma[c] / Math.sqrt(var[c] + BN_EPS));
                    bias[c] = bias[c] - mean[c] * scale[c];
                }
                next += 12 * f;
            } else {
                Arrays.fill(scale, 1f);
            }
            float[] w = floats(buf, next, (int) l.kernelWeights());
            int per = w.length / f;
            for (int c = 0; c < f; c++) for (int j = 0; j < per; j++) w[c * per + j] *= scale[c];
            set(net, l, w, bias);
        });
    }

    /**
     * The Darknet weights file with this tail's layers replaced by those in net (a tuned head), so that OpenCV DNN
     * runs the tuned network at its own speed: each convolution's folded kernel and bias, its batch norm made the
     * identity (scale 1, mean 0, variance 1 - eps).
     */
    public byte[] patch(ComputationGraph net, byte[] weights) throws IOException {
        byte[] out = weights.clone();
        ByteBuffer buf = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        walk(buf, "backbone weights", (l, at) -> {
            int f = l.outChannels();
            org.deeplearning4j.nn.api.Layer layer = net.getLayer(PREFIX + l.index());
            put(buf, at, layer.getParam("b").toFloatVector());
            int next = at + 4 * f;
            if (l.batchNormalized()) {
                float[] ones = new float[f], zeros = new float[f], var = new float[f];
                Arrays.fill(ones, 1f);
                Arrays.fill(var, (float) (1 - BN_EPS));
                put(buf, next, ones);
                put(buf, next + 4 * f, zeros);
                put(buf, next + 8 * f, var);
                next += 12 * f;
            }
            INDArray w = layer.getParam("W");
            // back to Darknet's [out][in/groups][k][k] from DL4J's depthwise [k][k][in][multiplier]
            INDArray darknet = l.integer("groups", 1) == 1 ? w : w.permute(2, 3, 0, 1);
            put(buf, next, darknet.dup('c').data().asFloat());
        });
        return out;
    }

    private interface ConvAt {
        void accept(DarknetCfg.Layer layer, int offset) throws IOException;
    }

    /** Calls visit with the byte offset of every tail convolution's weights, checking the file fits the cfg. */
    private void walk(ByteBuffer buf, String what, ConvAt visit) throws IOException {
        int major = buf.getInt(0), minor = buf.getInt(4);
        int at = 12 + (major * 10 + minor >= 2 && major < 1000 && minor < 1000 ? 8 : 4); // version, then images seen
        for (DarknetCfg.Layer l : cfg.layers()) {
            if (!l.type().equals("convolutional")) continue;
            long need = 4L * ((l.batchNormalized() ? 4L * l.outChannels() : l.outChannels()) + l.kernelWeights());
            if (buf.capacity() - at < need) throw new IOException(what + " ends before layer " + l.index() + "'s weights: not the file for this cfg");
            if (needed.contains(l.index())) visit.accept(l, at);
            at += (int) need;
        }
        if (buf.capacity() != at) throw new IOException(what + " has " + (buf.capacity() - at) + " bytes more than its cfg describes");
    }

    private static void set(ComputationGraph net, DarknetCfg.Layer l, float[] w, float[] bias) {
        int f = l.outChannels();
        org.deeplearning4j.nn.api.Layer layer = net.getLayer(PREFIX + l.index());
        INDArray current = layer.getParam("W");
        int k = l.integer("size", 1);
        // Darknet stores [out][in/groups][k][k]; DL4J's depthwise kernel is [k][k][in][multiplier]
        INDArray kernel = l.integer("groups", 1) == 1 ? Nd4j.create(w, new long[] {f, l.inChannels(), k, k}, 'c')
                : Nd4j.create(w, new long[] {f, 1, k, k}, 'c').permute(2, 3, 0, 1).dup('c');
        if (!Arrays.equals(kernel.shape(), current.shape())) {
            throw new IllegalStateException("layer " + l.index() + ": kernel " + Arrays.toString(kernel.shape())
                    + " does not fit " + Arrays.toString(current.shape()));
        }
        layer.setParam("W", kernel);
        layer.setParam("b", Nd4j.create(bias, new long[] {1, f}, 'c'));
    }

    private static void put(ByteBuffer buf, int at, float[] values) {
        for (int i = 0; i < values.length; i++) buf.putFloat(at + 4 * i, values[i]);
    }

    private static float[] floats(ByteBuffer buf, int at, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) out[i] = buf.getFloat(at + 4 * i);
        return out;
    }
}
