package cn.xuncha.demo;

import static cn.xuncha.demo.Draw.rgb;

import cn.xuncha.analysis.Box;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * People, bicycles and cars that cross the view and leave again, on a schedule fixed by the seed.
 * Positions are a pure function of time, so any frame can be rendered on its own.
 */
final class Passers {
    enum Kind { PEDESTRIAN, CYCLIST, CAR }

    /** One crossing: enters at t0 from the left (dir 1) or right (dir -1) and moves at speed px/s. */
    record Passer(Kind kind, double t0, double speed, int dir, double groundY, double size, Scalar a, Scalar b) {
        double width() {
            return switch (kind) {
                case PEDESTRIAN -> size * 0.3;
                case CYCLIST -> size * 0.8;
                case CAR -> size;
            };
        }

        double height() {
            return kind == Kind.CAR ? Figures.carHeight(size) : size;
        }
    }

    private final List<Passer> passers = new ArrayList<>();
    private final int width;

    Passers(int width, int height, double durationSeconds, long seed, double density) {
        this.width = width;
        Random rnd = new Random(seed * 31 + 7);
        add(rnd, Kind.PEDESTRIAN, 5.0 / density, durationSeconds, width, height);
        add(rnd, Kind.CYCLIST, 14.0 / density, durationSeconds, width, height);
        add(rnd, Kind.CAR, 9.0 / density, durationSeconds, width, height);
    }

    private void add(Random rnd, Kind kind, double meanGap, double duration, int w, int h) {
        for (double t = -meanGap * rnd.nextDouble() * 2; t < duration; t += meanGap * (0.4 + rnd.nextDouble() * 1.2)) {
            int dir = rnd.nextBoolean() ? 1 : -1;
            double[] lanes = kind == Kind.CAR ? StreetLayout.DRIVE_LANES : StreetLayout.WALK_LANES;
            double ground = lanes[rnd.nextInt(lanes.length)] * h;
            double size = switch (kind) {
                case PEDESTRIAN -> h * (0.19 + rnd.nextDouble() * 0.04);
                case CYCLIST -> h * 0.22;
                case CAR -> w * (0.2 + rnd.nextDouble() * 0.05);
            };
            double speed = w * switch (kind) {
                case PEDESTRIAN -> 0.06 + rnd.nextDouble() * 0.04;
                case CYCLIST -> 0.15 + rnd.nextDouble() * 0.05;
                case CAR -> 0.3 + rnd.nextDouble() * 0.2;
            };
            passers.add(new Passer(kind, t, speed, dir, ground, size, randomColour(rnd), randomColour(rnd)));
        }
    }

    private static Scalar randomColour(Random rnd) {
        double[][] palette = {{200, 40, 40}, {40, 60, 150}, {230, 230, 225}, {30, 30, 35}, {120, 120, 125},
                {220, 190, 60}, {60, 120, 70}, {140, 90, 60}, {200, 120, 160}};
        double[] c = palette[rnd.nextInt(palette.length)];
        return rgb(c[0], c[1], c[2]);
    }

    /** Left edge of a passer at time t. */
    private double x(Passer p, double t) {
        double travelled = (t - p.t0()) * p.speed();
        return p.dir() > 0 ? -p.width() + travelled : width - travelled;
    }

    /** Passers in view at time t. */
    List<Passer> visibleAt(double t) {
        List<Passer> out = new ArrayList<>();
        for (Passer p : passers) {
            double x = x(p, t);
            if (t >= p.t0() && x > -p.width() && x < width) out.add(p);
        }
        return out;
    }

    void draw(Mat m, Passer p, double t) {
        double x = x(p, t);
        double phase = (t - p.t0()) * p.speed() / p.size() * 6;
        switch (p.kind()) {
            case PEDESTRIAN -> Figures.pedestrian(m, x, p.groundY(), p.size(), p.a(), p.b(), phase);
            case CYCLIST -> Figures.cyclist(m, x, p.groundY(), p.size(), p.a(), phase);
            case CAR -> Figures.car(m, x, p.groundY(), p.size(), p.a());
        }
    }

    /** Where passer p is at time t, in pixels. */
    Box boxAt(Passer p, double t) {
        double x = Math.max(0, x(p, t));
        double right = Math.min(width, x(p, t) + p.width());
        return new Box((int) x, (int) (p.groundY() - p.height()), (int) Math.max(0, right - x), (int) p.height());
    }
}
