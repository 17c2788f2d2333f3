package cn.xuncha.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The node-local seam between ingest and analysis: one {@link LatestFrameSlot} per camera plus a wake-up callback.
 * Pixels stay on the node that grabbed them; only findings (small records) cross the event bus.
 */
public final class SampleHandoff {
    private final Map<String, LatestFrameSlot> slots = new ConcurrentHashMap<>();
    private volatile Consumer<String> onReady = id -> {};

    /** Registers the single consumer notified (with the camera id) when a sample is waiting. */
    public void onReady(Consumer<String> listener) {
        this.onReady = listener;
    }

    public void offer(FrameSample sample) {
        slot(sample.cameraId()).offer(sample);
        onReady.accept(sample.cameraId());
    }

    /** The waiting sample of a camera, or null; the caller closes it. */
    public FrameSample take(String cameraId) {
        return slot(cameraId).take();
    }

    public boolean hasSample(String cameraId) {
        return slot(cameraId).hasSample();
    }

    public long dropped(String cameraId) {
        return slot(cameraId).dropped();
    }

    public void clear() {
        slots.values().forEach(LatestFrameSlot::clear);
    }

    private LatestFrameSlot slot(String cameraId) {
        return slots.computeIfAbsent(cameraId, k -> new LatestFrameSlot());
    }
}
