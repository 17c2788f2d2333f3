package cn.xuncha.scan;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Small JPEG views of a camera for the report (a few KB each, so a report with 166 of them stays light). */
public final class Thumbnails {
    public static final int WIDTH = 320;

    private Thumbnails() {}

    /** The frame downscaled to {@value #WIDTH} px wide. */
    public static byte[] jpeg(Mat frame) {
        int h = Math.max(1, (int) Math.round(frame.rows() * (double) WIDTH / frame.cols()));
        try (Mat small = new Mat(); Size size = new Size(WIDTH, h)) {
            resize(frame, small, size, 0, 0, INTER_AREA);
            return jpegFull(small);
        }
    }

    /** The image at its own size. */
    public static byte[] jpegFull(Mat image) {
        try (BytePointer buf = new BytePointer(); IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, 80)) {
            if (!imencode(".jpg", image, buf, params)) throw new IllegalStateException("JPEG encoding failed");
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }
}
