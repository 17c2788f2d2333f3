package cn.xuncha.models.data;

/**
 * How far a proposal is from the bag it sits on, in the usual two-stage detector form: the centre shift in units of
 * the proposal's width and height, and the log ratio of the sizes; bounded, so one wild target or prediction cannot
 * throw a box across the frame.
 */
public final class BoxDeltas {
    /** Largest centre shift, in proposal widths/heights. */
    static final double MAX_SHIFT = 1.0;
    /** Largest log size ratio (a factor of about 4.5 either way). */
    static final double MAX_LOG = 1.5;

    private BoxDeltas() {}

    /** [dx, dy, dw, dh] that take {@code from} to {@code to}. */
    public static double[] between(PixelBox from, PixelBox to) {
        return new double[] {
            bound((to.cx() - from.cx()) / from.w(), MAX_SHIFT), bound((to.cy() - from.cy()) / from.h(), MAX_SHIFT),
            bound(Math.log(to.w() / from.w()), MAX_LOG), bound(Math.log(to.h() / from.h()), MAX_LOG)};
    }

    /** The box the deltas lead to from {@code from}. */
    public static PixelBox apply(PixelBox from, double dx, double dy, double dw, double dh) {
        double cx = from.cx() + bound(dx, MAX_SHIFT) * from.w(), cy = from.cy() + bound(dy, MAX_SHIFT) * from.h();
        double w = from.w() * Math.exp(bound(dw, MAX_LOG)), h = from.h() * Math.exp(bound(dh, MAX_LOG));
        return new PixelBox(cx - w / 2, cy - h / 2, w, h);
    }

    /** The same deltas for the horizontally mirrored crop. */
    public static double[] mirrored(double[] d) {
        return new double[] {-d[0], d[1], d[2], d[3]};
    }

    private static double bound(double v, double max) {
        return Math.max(-max, Math.min(max, v));
    }
}
