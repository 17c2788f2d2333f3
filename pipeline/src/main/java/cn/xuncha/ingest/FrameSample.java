package cn.xuncha.ingest;

import java.time.Instant;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One sampled frame of one camera, owned by whoever holds it: the receiver must close it.
 * Lives only inside one JVM (pixels never cross the event bus).
 */
public record FrameSample(String cameraId, String pointId, Instant capturedAt, Mat image) implements AutoCloseable {
    @Override
    public void close() {
        image.close();
    }
}
