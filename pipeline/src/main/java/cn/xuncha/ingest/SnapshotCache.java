package cn.xuncha.ingest;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Keeps a small thumbnail of each camera's latest sample for the camera list; encoded to JPEG only when asked. */
final class SnapshotCache implements AutoCloseable {
    private static final int WIDTH = 480;
    private final Map<String, Mat> latest = new ConcurrentHashMap<>();

    synchronized void update(FrameSample sample) {
        Mat src = sample.image();
        int h = Math.max(2, (int) Math.round((double) src.rows() * WIDTH / Math.max(1, src.cols())));
        Mat thumb = new Mat();
        resize(src, thumb, new Size(WIDTH, h), 0, 0, INTER_AREA);
        Mat old = latest.put(sample.cameraId(), thumb);
        if (old != null) old.close();
    }

    /** JPEG of the latest thumbnail, or null before the first sample. */
    synchronized byte[] jpeg(String cameraId) {
        Mat m = latest.get(cameraId);
        if (m == null) return null;
        try (BytePointer buf = new BytePointer()) {
            imencode(".jpg", m, buf);
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }

    @Override
    public synchronized void close() {
        latest.values().forEach(Mat::close);
        latest.clear();
    }
}
