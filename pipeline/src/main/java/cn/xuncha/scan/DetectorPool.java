package cn.xuncha.scan;

import cn.xuncha.models.Detection;
import cn.xuncha.models.ImageDetector;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Instances of the single-image detector, each lent to one scan worker at a time. The networks behind a detector are
 * not thread-safe, and a single shared instance left the second core idle on the first night (docs/benchmarks.md).
 */
public final class DetectorPool {
    /** A cap: each instance holds its own networks (~130 MB) and already spreads its work over a few threads. */
    static final int MAX_SIZE = 4;
    private final BlockingQueue<ImageDetector> idle;
    private final String description;
    private final int size;

    public DetectorPool(List<ImageDetector> detectors) {
        if (detectors.isEmpty()) throw new IllegalArgumentException("a detector pool needs at least one detector");
        this.idle = new ArrayBlockingQueue<>(detectors.size(), false, detectors);
        this.description = detectors.get(0).description();
        this.size = detectors.size();
    }

    /** One instance per core, at most {@link #MAX_SIZE}. */
    public static int defaultSize(int cores) {
        return Math.max(1, Math.min(MAX_SIZE, cores));
    }

    /** The detections at or above the detector's threshold, on whichever instance is free first. */
    public List<Detection> detect(Mat bgr) {
        ImageDetector d = borrow();
        try {
            return d.detect(bgr).detections();
        } finally {
            idle.add(d);
        }
    }

    public String description() {
        return description;
    }

    public int size() {
        return size;
    }

    private ImageDetector borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free detector", e);
        }
    }
}
