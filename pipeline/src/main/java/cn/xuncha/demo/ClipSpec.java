package cn.xuncha.demo;

import java.util.Locale;

/**
 * What clip to generate: which demo scene, frame size, frame rate, keyframe interval, length and H.264 profile.
 * Two equal specs give byte-for-byte the same pictures, so {@link #fileName()} works as a cache key.
 */
public record ClipSpec(String scene, Resolution resolution, int fps, double gopSeconds, int durationSeconds,
                       H264Profile profile, long seed) {
    /** Bumped whenever the renderer or encoder settings change what a spec produces (invalidates caches). */
    public static final int RENDER_VERSION = 2;

    public ClipSpec {
        if (fps < 1 || fps > 60) throw new IllegalArgumentException("fps must be 1..60, got " + fps);
        if (gopSeconds <= 0) throw new IllegalArgumentException("gopSeconds must be > 0, got " + gopSeconds);
        if (durationSeconds < 1) throw new IllegalArgumentException("durationSeconds must be >= 1, got " + durationSeconds);
        if (!scene.matches("[a-z0-9_-]+")) throw new IllegalArgumentException("scene name must be [a-z0-9_-]+, got '" + scene + "'");
    }

    /** A typical camera stream: 25 fps, keyframe every 2 s, Main profile, seed 1. */
    public static ClipSpec of(String scene, Resolution resolution, int durationSeconds) {
        return new ClipSpec(scene, resolution, 25, 2.0, durationSeconds, H264Profile.MAIN, 1);
    }

    public ClipSpec withGop(double seconds) {
        return new ClipSpec(scene, resolution, fps, seconds, durationSeconds, profile, seed);
    }

    public ClipSpec withFps(int newFps) {
        return new ClipSpec(scene, resolution, newFps, gopSeconds, durationSeconds, profile, seed);
    }

    public ClipSpec withProfile(H264Profile p) {
        return new ClipSpec(scene, resolution, fps, gopSeconds, durationSeconds, p, seed);
    }

    public ClipSpec withSeed(long s) {
        return new ClipSpec(scene, resolution, fps, gopSeconds, durationSeconds, profile, s);
    }

    /** Keyframe interval in frames. */
    public int gopFrames() {
        return Math.max(1, (int) Math.round(gopSeconds * fps));
    }

    public int frameCount() {
        return durationSeconds * fps;
    }

    /** Unique per spec and renderer version, e.g. {@code street_bag-720p-25fps-g2.0-60s-main-s1-v1.mp4}. */
    public String fileName() {
        return String.format(Locale.ROOT, "%s-%s-%dfps-g%.1f-%ds-%s-s%d-v%d.mp4", scene, resolution.label(), fps,
                gopSeconds, durationSeconds, profile.name().toLowerCase(Locale.ROOT), seed, RENDER_VERSION);
    }
}
