package cn.xuncha.models.train;

import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.BoxHead;
import cn.xuncha.models.boxes.DarknetTail;
import cn.xuncha.models.boxes.TailStart;
import java.io.IOException;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Sets up fine-tuning of the backbone's deeper layers with a head: the tail loaded from the starting head's backbone
 * weights (the pre-trained ones, or those a tuned head wrote its layers into), the head's layers copied from it (so
 * training starts where that head is), and a lower learning rate for the pre-trained layers than for the head.
 */
final class TunedHead {
    /** The tail's learning rate relative to the head's: pre-trained features are nudged, not relearned. */
    static final double TAIL_LR_FACTOR = 1 / 3.0;

    private TunedHead() {}

    static ComputationGraph create(long seed, double learningRate, Backbone backbone, BoxDetector start, TailStart tuneFrom) throws IOException {
        if (start.backbone() == null || start.backbone().variant() != backbone.variant()) {
            throw new IllegalArgumentException("the head to start from must sit on " + backbone.variant().fileName());
        }
        TailStart.forTuning(start.metadata().training(), tuneFrom); // refuses a start later than the head's own
        // the starting head's own backbone: a head tuned before carries its tuned layers in those weights (a head tuned
        // from layer 81 and tuned again from 59 keeps its 81-128 and starts 59-80 from the pre-trained weights)
        ComputationGraph net = BoxHead.createTuned(seed, learningRate, backbone.variant(), backbone.tail(tuneFrom), start.headBackbone().weightsFile());
        ComputationGraph from = start.network();
        for (Layer l : net.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (DarknetTail.isTailLayer(name)) continue;
            Layer src = from.getLayer(name);
            if (src == null || src.numParams() != l.numParams()) {
                throw new IllegalArgumentException("the head to start from has no layer " + name + " of the same shape");
            }
            if (l.numParams() > 0) l.setParams(src.params().dup());
        }
        return net;
    }

    /** After the schedule set every layer to lr: the tail's layers to {@link #TAIL_LR_FACTOR} of it. */
    static void slowTail(ComputationGraph net, double lr) {
        for (Layer l : net.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (DarknetTail.isTailLayer(name) && l.numParams() > 0) net.setLearningRate(name, lr * TAIL_LR_FACTOR);
        }
    }
}
