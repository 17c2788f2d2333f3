package cn.xuncha.models.boxes;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Where a tuned head's own copy of the backbone starts ({@link BoxHead#createTuned}): the first Darknet layer it holds
 * and the map OpenCV hands it there. Starting earlier tunes more of the pre-trained network, at more cost per batch.
 */
public enum TailStart {
    /** Past layer 80, the last stride-16 block: the stride-32 part, the SPP block and the second branch (session 19). */
    AFTER_STRIDE16(81, "shortcut_80", 16),
    /** Past layer 58, the stride-8 map the head also reads: the stride-16 blocks 59–80 too. */
    AFTER_STRIDE8(59, "leaky_59", 8);

    /** The metadata key a tuned head records its layers under ("59-128"). */
    public static final String METADATA_KEY = "tuned_backbone_layers";

    private final int firstLayer;
    private final String openCvInput;
    private final int inputStride;

    TailStart(int firstLayer, String openCvInput, int inputStride) {
        this.firstLayer = firstLayer;
        this.openCvInput = openCvInput;
        this.inputStride = inputStride;
    }

    /** The first Darknet layer the tuned head holds. */
    public int firstLayer() {
        return firstLayer;
    }

    /** OpenCV's name for the output of layer firstLayer - 1, which the tuned head reads. */
    String openCvInput() {
        return openCvInput;
    }

    /** The stride of that map. */
    public int inputStride() {
        return inputStride;
    }

    /** Channels of that map on this variant. */
    public int inputChannels(BackboneVariant v) {
        return inputStride == 8 ? v.stride8Channels() : v.midChannels();
    }

    /** The start whose first layer is this one; a clear error listing the known ones otherwise. */
    public static TailStart atLayer(int layer) {
        for (TailStart s : values()) {
            if (s.firstLayer == layer) return s;
        }
        throw new IllegalArgumentException("a tuned head can start at Darknet layer " + Arrays.stream(values())
                .map(s -> String.valueOf(s.firstLayer)).collect(Collectors.joining(" or ")) + ", not " + layer);
    }

    /** The start of a tuned head, read from the lowest Darknet layer it holds (its vertices are named by index). */
    public static TailStart of(ComputationGraph tuned) {
        int lowest = Integer.MAX_VALUE;
        for (Layer l : tuned.getLayers()) {
            String name = l.conf().getLayer().getLayerName();
            if (DarknetTail.isTailLayer(name)) lowest = Math.min(lowest, Integer.parseInt(name.substring(DarknetTail.PREFIX.length())));
        }
        if (lowest == Integer.MAX_VALUE) throw new IllegalArgumentException("the network holds none of the backbone's layers");
        return atLayer(lowest);
    }

    /** Where the tuned layers of a head start, from its training metadata; empty for a head on the frozen backbone. */
    public static Optional<TailStart> ofHead(Map<String, Object> training) {
        Object layers = training == null ? null : training.get(METADATA_KEY);
        if (layers == null) return Optional.empty();
        try {
            return Optional.of(atLayer(Integer.parseInt(layers.toString().split("-")[0].trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(METADATA_KEY + ": '" + layers + "' is not FIRST-LAST", e);
        }
    }

    /**
     * Where a run tuning a head (its training metadata) starts: requested, else where the head's tuned layers start (81
     * for a head on the frozen backbone). A later start than the head's is refused: the run's inputs and its zip would
     * hold pre-trained layers where the head has tuned ones.
     */
    public static TailStart forTuning(Map<String, Object> headTraining, TailStart requested) {
        TailStart before = ofHead(headTraining).orElse(requested != null ? requested : AFTER_STRIDE16);
        if (requested == null) return before;
        if (!requested.keeps(before)) {
            throw new IllegalArgumentException("the committed head's tuned layers start at " + before.firstLayer + ", and tuning from "
                    + requested.firstLayer + " would drop those before it: tune from " + before.firstLayer);
        }
        return requested;
    }

    /** Whether a tuning run starting here keeps every layer a head tuned from there holds (it starts no later). */
    public boolean keeps(TailStart tuned) {
        return firstLayer <= tuned.firstLayer;
    }
}
