package cn.xuncha.demo;

import static cn.xuncha.demo.Draw.box;
import static cn.xuncha.demo.Draw.oval;
import static cn.xuncha.demo.Draw.poly;
import static cn.xuncha.demo.Draw.rgb;
import static cn.xuncha.demo.Draw.segment;
import static cn.xuncha.demo.Draw.shade;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Side views of people and vehicles, anchored at the bottom-left corner of their box (feet / wheels on the ground). */
final class Figures {
    private Figures() {}

    /** A walking person h pixels tall; phase animates the legs. */
    static void pedestrian(Mat m, double x, double groundY, double h, Scalar shirt, Scalar trousers, double phase) {
        double w = h * 0.3;
        double cx = x + w / 2;
        double stride = Math.sin(phase) * w * 0.35;
        segment(m, cx, groundY - h * 0.45, cx - stride, groundY, trousers, (int) (w * 0.28));
        segment(m, cx, groundY - h * 0.45, cx + stride, groundY, shade(trousers, 0.8), (int) (w * 0.28));
        oval(m, cx, groundY - h * 0.63, w * 0.38, h * 0.2, 0, shirt);
        segment(m, cx, groundY - h * 0.75, cx + stride * 0.8, groundY - h * 0.5, shade(shirt, 0.85), (int) (w * 0.18));
        oval(m, cx, groundY - h * 0.9, w * 0.22, h * 0.09, 0, rgb(205, 165, 135));
        oval(m, cx, groundY - h * 0.96, w * 0.23, h * 0.05, 0, rgb(30, 25, 25));
    }

    /** A person on a bicycle, h pixels tall (wheels included). */
    static void cyclist(Mat m, double x, double groundY, double h, Scalar shirt, double phase) {
        double r = h * 0.18;
        double w = h * 0.8;
        Scalar frame = rgb(40, 40, 45);
        Draw.arc(m, x + r, groundY - r, r, r, 0, 0, 360, frame, Math.max(2, (int) (r / 5)));
        Draw.arc(m, x + w - r, groundY - r, r, r, 0, 0, 360, frame, Math.max(2, (int) (r / 5)));
        segment(m, x + r, groundY - r, x + w * 0.45, groundY - r * 2.2, frame, Math.max(2, (int) (r / 6)));
        segment(m, x + w * 0.45, groundY - r * 2.2, x + w - r, groundY - r, frame, Math.max(2, (int) (r / 6)));
        double pedal = Math.sin(phase) * r * 0.5;
        segment(m, x + w * 0.42, groundY - h * 0.62, x + w * 0.45 + pedal, groundY - r, rgb(40, 45, 70), (int) (r * 0.35));
        oval(m, x + w * 0.45, groundY - h * 0.72, r * 0.55, h * 0.16, -20, shirt);
        oval(m, x + w * 0.55, groundY - h * 0.92, r * 0.4, r * 0.45, 0, rgb(205, 165, 135));
    }

    /** A small car seen from the side, w pixels long. */
    static void car(Mat m, double x, double groundY, double w, Scalar paint) {
        double h = w * 0.38;
        double body = h * 0.55;
        box(m, x, groundY - h * 0.2 - body, w, body, paint);
        poly(m, shade(paint, 0.92), x + w * 0.2, groundY - h * 0.2 - body, x + w * 0.32, groundY - h,
                x + w * 0.7, groundY - h, x + w * 0.84, groundY - h * 0.2 - body);
        poly(m, rgb(90, 115, 135), x + w * 0.25, groundY - h * 0.2 - body, x + w * 0.35, groundY - h * 0.93,
                x + w * 0.5, groundY - h * 0.93, x + w * 0.5, groundY - h * 0.2 - body);
        poly(m, rgb(90, 115, 135), x + w * 0.53, groundY - h * 0.2 - body, x + w * 0.53, groundY - h * 0.93,
                x + w * 0.68, groundY - h * 0.93, x + w * 0.79, groundY - h * 0.2 - body);
        segment(m, x + w * 0.05, groundY - h * 0.45, x + w * 0.95, groundY - h * 0.45, shade(paint, 0.7), 1);
        box(m, x + w * 0.94, groundY - h * 0.55, w * 0.05, h * 0.08, rgb(250, 240, 200));
        for (double wx : new double[] {0.2, 0.8}) {
            oval(m, x + w * wx, groundY - h * 0.18, h * 0.2, h * 0.2, 0, rgb(25, 25, 25));
            oval(m, x + w * wx, groundY - h * 0.18, h * 0.09, h * 0.09, 0, rgb(160, 160, 165));
        }
    }

    /** The height of a {@link #car} drawn w pixels long. */
    static double carHeight(double w) {
        return w * 0.38;
    }
}
