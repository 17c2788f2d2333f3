package cn.xuncha.demo;

import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** What can be wrong with a camera's picture; the nightly scan has to notice each of these. */
public enum CameraFault {
    NONE("picture is fine"),
    COVERED("lens covered: picture almost black"),
    BLURRED("out of focus / fogged lens: picture blurred"),
    SHIFTED("camera knocked: view rotated and moved away from its preset"),
    DARK("too dark: IR / lighting failure");

    private final String description;

    CameraFault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Applies the fault to a rendered BGR frame in place (before sensor noise). */
    void apply(Mat frame) {
        switch (this) {
            case NONE -> { }
            case COVERED -> frame.put(new Scalar(6, 6, 7, 0));
            case BLURRED -> GaussianBlur(frame, frame, new Size(0, 0), Math.max(3, frame.cols() / 90.0));
            case DARK -> frame.convertTo(frame, -1, 0.12, 0);
            case SHIFTED -> {
                try (Mat rot = getRotationMatrix2D(new Point2f(frame.cols() / 2f, frame.rows() / 2f), 4, 1.08);
                     Mat copy = frame.clone()) {
                    // translate as well as rotate: a knocked camera points somewhere else, not just tilted
                    rot.ptr(0, 2).putDouble(rot.ptr(0, 2).getDouble() + frame.cols() * 0.07);
                    rot.ptr(1, 2).putDouble(rot.ptr(1, 2).getDouble() - frame.rows() * 0.05);
                    warpAffine(copy, frame, rot, frame.size(), INTER_LINEAR, BORDER_REPLICATE, new Scalar());
                }
            }
        }
    }
}
