package cn.xuncha.demo;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** Thin drawing helpers over opencv_imgproc in pixel units; callers wrap frames in a PointerScope. */
final class Draw {
    private Draw() {}

    static Scalar rgb(double r, double g, double b) {
        return new Scalar(b, g, r, 0);
    }

    /** Scales each channel of a colour, e.g. for shading a face darker. */
    static Scalar shade(Scalar c, double f) {
        return new Scalar(Math.min(255, c.get(0) * f), Math.min(255, c.get(1) * f), Math.min(255, c.get(2) * f), 0);
    }

    static void box(Mat m, double x, double y, double w, double h, Scalar c) {
        rectangle(m, new Point((int) x, (int) y), new Point((int) (x + w), (int) (y + h)), c, -1, LINE_AA, 0);
    }

    static void outline(Mat m, double x, double y, double w, double h, Scalar c, int thickness) {
        rectangle(m, new Point((int) x, (int) y), new Point((int) (x + w), (int) (y + h)), c, thickness, LINE_AA, 0);
    }

    static void oval(Mat m, double cx, double cy, double rx, double ry, double angle, Scalar c) {
        ellipse(m, new Point((int) cx, (int) cy), new Size(Math.max(1, (int) rx), Math.max(1, (int) ry)), angle, 0, 360, c, -1, LINE_AA, 0);
    }

    static void arc(Mat m, double cx, double cy, double rx, double ry, double angle, double from, double to, Scalar c, int thickness) {
        ellipse(m, new Point((int) cx, (int) cy), new Size(Math.max(1, (int) rx), Math.max(1, (int) ry)), angle, from, to, c,
                Math.max(1, thickness), LINE_AA, 0);
    }

    static void segment(Mat m, double x1, double y1, double x2, double y2, Scalar c, int thickness) {
        line(m, new Point((int) x1, (int) y1), new Point((int) x2, (int) y2), c, Math.max(1, thickness), LINE_AA, 0);
    }

    /** A filled convex polygon from x,y pairs. */
    static void poly(Mat m, Scalar c, double... xy) {
        int n = xy.length / 2;
        try (Point pts = new Point(n)) {
            for (int i = 0; i < n; i++) pts.position(i).x((int) xy[2 * i]).y((int) xy[2 * i + 1]);
            pts.position(0);
            fillConvexPoly(m, pts, n, c, LINE_AA, 0);
        }
    }
}
