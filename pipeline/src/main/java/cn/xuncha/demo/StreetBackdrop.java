package cn.xuncha.demo;

import static cn.xuncha.demo.Draw.box;
import static cn.xuncha.demo.Draw.rgb;
import static cn.xuncha.demo.Draw.segment;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/** The static part of a demo street: brick wall with shop fronts, tiled sidewalk, kerb and asphalt, with texture. */
final class StreetBackdrop {
    private StreetBackdrop() {}

    /** Renders the backdrop; the caller owns (closes) the returned Mat. */
    static Mat render(int w, int h, long seed) {
        Random rnd = new Random(seed);
        Mat m = new Mat(h, w, CV_8UC3);
        try (PointerScope scope = new PointerScope()) {
            int wall = (int) (StreetLayout.WALL_BOTTOM * h);
            int kerb = (int) (StreetLayout.KERB * h);
            box(m, 0, 0, w, wall, rgb(150 + rnd.nextInt(30), 120, 100));
            bricks(m, w, wall, rnd);
            shopFronts(m, w, wall, rnd);
            box(m, 0, wall, w, kerb - wall, rgb(172, 168, 160));
            tiles(m, w, h, wall, kerb);
            box(m, 0, kerb, w, Math.max(2, h / 60), rgb(205, 205, 200));
            box(m, 0, kerb + Math.max(2, h / 60), w, h, rgb(78, 80, 84));
            for (int x = 0; x < w; x += w / 8) box(m, x, 0.935 * h, w / 16.0, Math.max(2, h / 120), rgb(225, 225, 215));
            texture(m, rnd, 16, 18);
            texture(m, rnd, 2, 8);
        }
        return m;
    }

    private static void bricks(Mat m, int w, int wall, Random rnd) {
        int bh = Math.max(4, wall / 24);
        int bw = bh * 3;
        Scalar mortar = rgb(185, 175, 160);
        for (int row = 0, y = 0; y < wall; row++, y += bh) {
            segment(m, 0, y, w, y, mortar, 1);
            for (int x = (row % 2) * bw / 2; x < w; x += bw) segment(m, x, y, x, y + bh, mortar, 1);
        }
        for (int i = 0; i < 40; i++) {
            double shade = 0.8 + rnd.nextDouble() * 0.35;
            box(m, rnd.nextInt(w), rnd.nextInt(Math.max(1, wall)), bw - 2, bh - 2, rgb(150 * shade, 115 * shade, 95 * shade));
        }
    }

    private static void shopFronts(Mat m, int w, int wall, Random rnd) {
        int shops = 3;
        for (int i = 0; i < shops; i++) {
            double x = w * (0.05 + i * 0.33);
            double sw = w * 0.24;
            Scalar sign = rgb(60 + rnd.nextInt(150), 40 + rnd.nextInt(120), 40 + rnd.nextInt(120));
            box(m, x, wall * 0.18, sw, wall * 0.12, sign);
            box(m, x + sw * 0.08, wall * 0.38, sw * 0.5, wall * 0.62, rgb(70, 85, 95)); // glass door
            box(m, x + sw * 0.62, wall * 0.38, sw * 0.32, wall * 0.35, rgb(110, 135, 150)); // window
            segment(m, x + sw * 0.33, wall * 0.38, x + sw * 0.33, wall, rgb(40, 40, 40), 2);
        }
    }

    private static void tiles(Mat m, int w, int h, int top, int bottom) {
        int t = Math.max(6, h / 30);
        Scalar joint = rgb(140, 136, 130);
        for (int y = top; y < bottom; y += t) segment(m, 0, y, w, y, joint, 1);
        for (int x = 0; x < w; x += t) segment(m, x, top, x, bottom, joint, 1);
    }

    /** Adds zero-mean noise drawn at 1/scale resolution and upsampled: scale 16 gives stains, 2 gives grain. */
    private static void texture(Mat m, Random rnd, int scale, int amplitude) {
        int sw = Math.max(2, m.cols() / scale);
        int sh = Math.max(2, m.rows() / scale);
        byte[] px = new byte[sw * sh * 3];
        for (int i = 0; i < px.length; i += 3) {
            // mostly grey (dirt, wear) with a little colour, like real pavement and brick
            int v = rnd.nextInt(2 * amplitude + 1);
            for (int c = 0; c < 3; c++) px[i + c] = (byte) Math.max(0, Math.min(2 * amplitude, v + rnd.nextInt(5) - 2));
        }
        try (Mat small = new Mat(sh, sw, CV_8UC3); Mat big = new Mat()) {
            small.data().put(px);
            resize(small, big, new Size(m.cols(), m.rows()), 0, 0, INTER_CUBIC);
            add(m, big, m);
            m.convertTo(m, -1, 1, -amplitude);
        }
    }
}
