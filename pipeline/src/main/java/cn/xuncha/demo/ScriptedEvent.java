package cn.xuncha.demo;

import cn.xuncha.analysis.Box;
import java.util.Locale;

/**
 * At {@code atSeconds} an object of {@code kind} is in place (and stays): its left edge at fraction {@code x} of the
 * width, standing on the ground line {@code groundY} (fraction of height), {@code width} wide (fraction of width).
 */
public record ScriptedEvent(double atSeconds, EventKind kind, double x, double groundY, double width) {
    /** The object's final box in a frame of the given size. */
    public Box box(int frameWidth, int frameHeight) {
        int w = (int) Math.round(width * frameWidth);
        int h = (int) Math.round(w * kind.aspect());
        int bottom = (int) Math.round(groundY * frameHeight);
        return new Box((int) Math.round(x * frameWidth), bottom - h, w, h);
    }

    /** Left edge in pixels at time t: rolls in from off-screen for arriving kinds, else fixed. */
    double leftAt(double t, int frameWidth) {
        double target = x * frameWidth;
        if (!kind.arrives() || t >= atSeconds) return target;
        double start = -width * frameWidth;
        double f = 1 - (atSeconds - t) / EventKind.ARRIVAL_SECONDS;
        return start + (target - start) * (1 - (1 - f) * (1 - f)); // decelerates into place
    }

    /** Whether anything of the object is drawn at time t. */
    boolean visibleAt(double t) {
        return t >= (kind.arrives() ? atSeconds - EventKind.ARRIVAL_SECONDS : atSeconds);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%s: %s %s", formatTime(atSeconds), kind.description(),
                kind.arrives() ? "stops and stays" : "appears and stays");
    }

    static String formatTime(double s) {
        return String.format(Locale.ROOT, "%.0f s", s);
    }
}
