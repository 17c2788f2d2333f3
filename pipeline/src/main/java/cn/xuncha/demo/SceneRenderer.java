package cn.xuncha.demo;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;

import cn.xuncha.analysis.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Draws frames of a {@link DemoScene}: textured street backdrop, slow light drift, passers-by, scripted objects,
 * sensor noise and the scene's camera fault. {@link #render} is a pure function of time for a given seed.
 */
public final class SceneRenderer implements AutoCloseable {
    private static final int NOISE = 3;
    private static final int NOISE_MARGIN = 64;
    private final DemoScene scene;
    private final int width;
    private final int height;
    private final long seed;
    private final Mat backdrop;
    private final Mat noise;
    private final Passers passers;

    public SceneRenderer(DemoScene scene, int width, int height, long seed) {
        this.scene = scene;
        this.width = width;
        this.height = height;
        this.seed = seed;
        this.backdrop = StreetBackdrop.render(width, height, seed);
        this.noise = noiseField(width + NOISE_MARGIN, height + NOISE_MARGIN, seed);
        this.passers = new Passers(width, height, scene.durationSeconds(), seed, scene.passerDensity());
    }

    public SceneRenderer(DemoScene scene, Resolution resolution, long seed) {
        this(scene, resolution.width(), resolution.height(), seed);
    }

    public DemoScene scene() {
        return scene;
    }

    /** Renders the frame at t seconds into out (allocated as BGR width x height if needed). */
    public void render(double t, Mat out) {
        out.create(height, width, CV_8UC3);
        try (PointerScope scope = new PointerScope()) {
            backdrop.copyTo(out);
            List<Sprite> sprites = new ArrayList<>();
            for (ScriptedEvent e : scene.events()) {
                if (!e.visibleAt(t)) continue;
                Box b = e.box(width, height);
                long propSeed = seed * 1000 + scene.events().indexOf(e);
                sprites.add(new Sprite(b.y() + b.h(), m -> Props.draw(m, e.kind(), e.leftAt(t, width), b.y() + b.h(), b.w(), b.h(), propSeed)));
            }
            for (Passers.Passer p : passers.visibleAt(t)) sprites.add(new Sprite(p.groundY(), m -> passers.draw(m, p, t)));
            sprites.sort(Comparator.comparingDouble(Sprite::groundY));
            sprites.forEach(s -> s.painter().accept(out));
            // slow light drift (clouds, sun moving): a few percent over tens of seconds
            double gain = 1 + 0.05 * Math.sin(2 * Math.PI * t / 47.0 + seed) + 0.02 * Math.sin(2 * Math.PI * t / 13.0);
            out.convertTo(out, -1, gain, 0);
            scene.fault().apply(out);
            addNoise(out, t);
        }
    }

    /** Boxes of scripted objects that have arrived and stay, at time t (ground truth for detection tests). */
    public List<Box> staticObjectsAt(double t) {
        return scene.events().stream().filter(e -> t >= e.atSeconds()).map(e -> e.box(width, height)).toList();
    }

    /** Boxes of passers-by in view at time t. */
    public List<Box> passersAt(double t) {
        return passers.visibleAt(t).stream().map(p -> passers.boxAt(p, t)).toList();
    }

    private void addNoise(Mat frame, double t) {
        // a different window of one noise field per frame: deterministic and much cheaper than fresh noise
        Random r = new Random(Double.doubleToLongBits(t) ^ seed);
        try (Mat window = new Mat(noise, new Rect(r.nextInt(NOISE_MARGIN), r.nextInt(NOISE_MARGIN), width, height))) {
            add(frame, window, frame);
            frame.convertTo(frame, -1, 1, -NOISE);
        }
    }

    private static Mat noiseField(int w, int h, long seed) {
        Random r = new Random(seed ^ 0x5EED);
        byte[] px = new byte[w * h * 3];
        for (int i = 0; i < px.length; i++) px[i] = (byte) r.nextInt(2 * NOISE + 1);
        Mat m = new Mat(h, w, CV_8UC3);
        m.data().put(px);
        return m;
    }

    @Override
    public void close() {
        backdrop.close();
        noise.close();
    }

    private record Sprite(double groundY, java.util.function.Consumer<Mat> painter) {}
}
