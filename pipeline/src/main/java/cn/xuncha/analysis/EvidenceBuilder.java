package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Encodes evidence JPEGs; only called for OPENED/UPDATED findings, so the per-sample path stays cheap. */
final class EvidenceBuilder {
    private static final int QUALITY = 85;

    private EvidenceBuilder() {}

    /**
     * @param analysisImage the sample at analysis size; {@code reference} the reference at the same size
     * @param crop the (padded) object crop from the original frame
     */
    static Evidence build(Mat analysisImage, Mat reference, Mat crop, Box analysisBox) {
        return new Evidence(withBox(analysisImage, analysisBox), jpeg(crop), reference.empty() ? null : withBox(reference, analysisBox));
    }

    private static byte[] withBox(Mat image, Box b) {
        try (Mat copy = image.clone(); Rect r = new Rect(b.x(), b.y(), b.w(), b.h())) {
            rectangle(copy, r, new Scalar(0, 0, 255, 0), 2, LINE_8, 0);
            return jpeg(copy);
        }
    }

    static byte[] jpeg(Mat image) {
        try (BytePointer buf = new BytePointer(); org.bytedeco.javacpp.IntPointer params = new org.bytedeco.javacpp.IntPointer(IMWRITE_JPEG_QUALITY, QUALITY)) {
            if (!imencode(".jpg", image, buf, params)) throw new IllegalStateException("JPEG encoding failed");
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }
}
