package cn.xuncha.demo;

import static cn.xuncha.demo.Draw.arc;
import static cn.xuncha.demo.Draw.box;
import static cn.xuncha.demo.Draw.oval;
import static cn.xuncha.demo.Draw.poly;
import static cn.xuncha.demo.Draw.rgb;
import static cn.xuncha.demo.Draw.segment;
import static cn.xuncha.demo.Draw.shade;

import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/** The objects scripted events leave behind, drawn into a box given by its left edge, ground line, width and height. */
final class Props {
    private Props() {}

    static void draw(Mat m, EventKind kind, double x, double ground, double w, double h, long seed) {
        switch (kind) {
            case BLACK_BAG -> bag(m, x, ground, w, h, rgb(34, 34, 38), seed);
            case BLUE_BAG -> bag(m, x, ground, w, h, rgb(35, 75, 165), seed);
            case BOX_PILE -> boxes(m, x, ground, w, h, seed);
            case LITTER -> litter(m, x, ground, w, h, seed);
            case VENDOR_CART -> cart(m, x, ground, w, h);
            case PARKED_CAR -> Figures.car(m, x, ground, w, rgb(170, 172, 178));
        }
    }

    /**
     * A tied plastic refuse sack: a lumpy body of overlapping bulges, each lit from the upper left and shaded to the
     * lower right, a knot with two ears, creases, glossy highlights and a contact shadow.
     */
    static void bag(Mat m, double x, double ground, double w, double h, Scalar base, long seed) {
        Random rnd = new Random(seed);
        double cx = x + w / 2;
        oval(m, cx, ground - h * 0.02, w * 0.55, h * 0.07, 0, rgb(50, 50, 52));
        double[][] lumps = new double[5][];
        for (int i = 0; i < lumps.length; i++) {
            double lx = cx + w * (rnd.nextDouble() - 0.5) * 0.45;
            double ly = ground - h * (0.25 + rnd.nextDouble() * 0.3);
            lumps[i] = new double[] {lx, ly, w * (0.2 + rnd.nextDouble() * 0.12), h * (0.18 + rnd.nextDouble() * 0.1)};
        }
        oval(m, cx, ground - h * 0.3, w * 0.48, h * 0.29, 0, shade(base, 0.8));
        for (double[] l : lumps) oval(m, l[0], l[1], l[2], l[3], rnd.nextDouble() * 40 - 20, shade(base, 0.9));
        for (double[] l : lumps) oval(m, l[0] - l[2] * 0.2, l[1] - l[3] * 0.2, l[2] * 0.7, l[3] * 0.65, 0, base);
        oval(m, cx + w * 0.18, ground - h * 0.18, w * 0.26, h * 0.14, 15, shade(base, 0.65));
        poly(m, base, cx - w * 0.14, ground - h * 0.62, cx - w * 0.05, ground - h * 0.86, cx + w * 0.05, ground - h * 0.86, cx + w * 0.13, ground - h * 0.62);
        poly(m, shade(base, 1.2), cx - w * 0.04, ground - h * 0.84, cx - w * 0.21, ground - h * 1.0, cx - w * 0.1, ground - h * 0.97);
        poly(m, shade(base, 1.1), cx + w * 0.03, ground - h * 0.84, cx + w * 0.19, ground - h * 0.99, cx + w * 0.1, ground - h * 0.98);
        oval(m, cx, ground - h * 0.85, w * 0.06, h * 0.04, 0, shade(base, 0.6));
        Scalar crease = shade(base, 0.5);
        for (int i = 0; i < 6; i++) {
            double fy = ground - h * (0.15 + rnd.nextDouble() * 0.5);
            double fx = cx + w * (rnd.nextDouble() - 0.5) * 0.6;
            arc(m, fx, fy, w * (0.06 + rnd.nextDouble() * 0.12), h * 0.05, rnd.nextDouble() * 80 - 40, 180, 330, crease, Math.max(1, (int) (w / 45)));
        }
        Scalar gloss = new Scalar(Math.min(255, base.get(0) + 110), Math.min(255, base.get(1) + 110), Math.min(255, base.get(2) + 105), 0);
        for (double[] l : lumps) {
            if (rnd.nextDouble() < 0.3) continue;
            arc(m, l[0] - l[2] * 0.3, l[1] - l[3] * 0.25, l[2] * 0.45, l[3] * 0.5, -30, 200, 260, gloss, Math.max(1, (int) (w / 35)));
        }
    }

    /** White litter (白色垃圾): crumpled plastic bags, a foam lunch box and paper cups scattered on the ground. */
    static void litter(Mat m, double x, double ground, double w, double h, long seed) {
        Random rnd = new Random(seed);
        Scalar white = rgb(238, 238, 232);
        Scalar grey = rgb(190, 190, 188);
        box(m, x + w * 0.05, ground - h * 0.45, w * 0.22, h * 0.4, white); // foam box
        segment(m, x + w * 0.05, ground - h * 0.3, x + w * 0.27, ground - h * 0.3, grey, 1);
        for (int i = 0; i < 4; i++) {
            double px = x + w * (0.3 + rnd.nextDouble() * 0.6);
            double py = ground - h * (0.1 + rnd.nextDouble() * 0.5);
            double r = w * (0.04 + rnd.nextDouble() * 0.05);
            poly(m, i % 2 == 0 ? white : rgb(225, 228, 235), px - r, py, px - r * 0.3, py - r * 0.9, px + r * 0.8, py - r * 0.5,
                    px + r, py + r * 0.4, px - r * 0.2, py + r * 0.6);
            arc(m, px, py, r * 0.5, r * 0.3, rnd.nextDouble() * 90, 0, 180, grey, 1);
        }
        for (int i = 0; i < 2; i++) {
            double px = x + w * (0.55 + i * 0.25);
            poly(m, rgb(245, 245, 240), px, ground - h * 0.05, px + w * 0.06, ground - h * 0.05, px + w * 0.07, ground - h * 0.3, px - w * 0.01, ground - h * 0.3);
        }
    }

    /** A heap of cardboard boxes with lit tops, shaded sides and packing tape. */
    static void boxes(Mat m, double x, double ground, double w, double h, long seed) {
        Random rnd = new Random(seed);
        oval(m, x + w / 2, ground - h * 0.01, w * 0.55, h * 0.05, 0, rgb(90, 88, 84));
        double[][] layout = {{0, 0.5, 0.45, 0.5}, {0.47, 0.55, 0.5, 0.45}, {0.1, 0.0, 0.5, 0.5}, {0.55, 0.2, 0.38, 0.35}};
        for (double[] b : layout) {
            double bx = x + b[0] * w;
            double bw = b[2] * w;
            double bh = b[3] * h * 0.9;
            double by = ground - (1 - b[1]) * h + (b[1] > 0.3 ? 0 : h * 0.1);
            double depth = bw * 0.2;
            Scalar card = rgb(165 + rnd.nextInt(25), 120 + rnd.nextInt(20), 75 + rnd.nextInt(15));
            poly(m, shade(card, 1.15), bx, by, bx + depth, by - depth * 0.6, bx + bw + depth, by - depth * 0.6, bx + bw, by);
            poly(m, shade(card, 0.7), bx + bw, by, bx + bw + depth, by - depth * 0.6, bx + bw + depth, by + bh - depth * 0.6, bx + bw, by + bh);
            box(m, bx, by, bw, bh, card);
            segment(m, bx + bw / 2, by, bx + bw / 2 + depth, by - depth * 0.6, rgb(200, 185, 150), Math.max(1, (int) (bw / 18)));
            box(m, bx + bw * 0.45, by, bw * 0.1, bh * 0.3, rgb(200, 185, 150));
            box(m, bx + bw * 0.12, by + bh * 0.5, bw * 0.25, bh * 0.18, rgb(235, 235, 230));
        }
    }

    /** A vendor's tricycle cart with an awning and goods, the vendor standing behind it. */
    static void cart(Mat m, double x, double ground, double w, double h) {
        Figures.pedestrian(m, x + w * 0.72, ground - h * 0.02, h * 0.95, rgb(60, 90, 140), rgb(40, 40, 45), 0.3);
        double deckY = ground - h * 0.35;
        Scalar frame = rgb(50, 60, 70);
        oval(m, x + w * 0.12, ground - h * 0.09, h * 0.09, h * 0.09, 0, rgb(25, 25, 25));
        oval(m, x + w * 0.55, ground - h * 0.09, h * 0.09, h * 0.09, 0, rgb(25, 25, 25));
        box(m, x, deckY, w * 0.7, h * 0.18, rgb(70, 110, 160));
        for (int i = 0; i < 7; i++) {
            Scalar fruit = i % 3 == 0 ? rgb(230, 140, 30) : i % 3 == 1 ? rgb(200, 40, 40) : rgb(120, 180, 50);
            oval(m, x + w * (0.06 + i * 0.09), deckY - h * 0.04, w * 0.045, h * 0.05, 0, fruit);
        }
        segment(m, x + w * 0.03, deckY, x + w * 0.03, ground - h * 0.95, frame, Math.max(2, (int) (w / 60)));
        segment(m, x + w * 0.67, deckY, x + w * 0.67, ground - h * 0.95, frame, Math.max(2, (int) (w / 60)));
        int stripes = 6;
        for (int i = 0; i < stripes; i++) {
            Scalar c = i % 2 == 0 ? rgb(210, 40, 40) : rgb(240, 240, 235);
            double sx = x - w * 0.05 + i * w * 0.8 / stripes;
            poly(m, c, sx, ground - h, sx + w * 0.8 / stripes, ground - h, sx + w * 0.8 / stripes + w * 0.02, ground - h * 0.88, sx + w * 0.02, ground - h * 0.88);
        }
    }
}
