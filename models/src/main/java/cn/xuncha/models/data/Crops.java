package cn.xuncha.models.data;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Cuts windows out of images; parts outside the image are filled with mid-grey (same as the dense scan's border). */
public final class Crops {

    /** Fill value for outside-image pixels, shared by training crops and the detector's padded scan. */
    public static final int FILL = 127;

    private Crops() {}

    /** The window resized to size x size (new Mat, caller closes). */
    public static Mat window(Mat img, PixelBox win, int size) {
        int x0 = (int) Math.floor(win.x()), y0 = (int) Math.floor(win.y());
        int x1 = (int) Math.ceil(win.x() + win.w()), y1 = (int) Math.ceil(win.y() + win.h());
        int cx0 = clamp(x0, 0, img.cols()), cy0 = clamp(y0, 0, img.rows());
        int cx1 = clamp(x1, 0, img.cols()), cy1 = clamp(y1, 0, img.rows());
        Mat out = new Mat();
        if (cx1 <= cx0 || cy1 <= cy0) {
            Mat grey = new Mat(size, size, img.type(), new Scalar(FILL, FILL, FILL, 0));
            return grey;
        }
        try (Rect r = new Rect(cx0, cy0, cx1 - cx0, cy1 - cy0); Mat roi = new Mat(img, r); Mat padded = new Mat()) {
            copyMakeBorder(roi, padded, cy0 - y0, y1 - cy1, cx0 - x0, x1 - cx1, BORDER_CONSTANT,
                    new Scalar(FILL, FILL, FILL, 0));
            int interp = padded.cols() > size ? INTER_AREA : INTER_LINEAR;
            resize(padded, out, new Size(size, size), 0, 0, interp);
        }
        return out;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
