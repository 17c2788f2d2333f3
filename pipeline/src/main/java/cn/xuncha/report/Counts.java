package cn.xuncha.report;

/**
 * The figures of one unit, point or the whole district at one report time.
 *
 * @param rectificationRate 整改率: cases closed in the last 30 days / (those + cases open now); NaN when there are none
 * @param cameras cameras scanned; {@code online} delivered a frame; {@code healthy} passed every check
 */
public record Counts(int newCases, int open, int overdue, int rebounds, int closed, double rectificationRate,
                     int cameras, int online, int healthy) {
    public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, Double.NaN, 0, 0, 0);

    /** 摄像头在线率: online / cameras, NaN without a scan. */
    public double availability() {
        return cameras == 0 ? Double.NaN : online / (double) cameras;
    }

    /** Something a unit must answer for: weighted open, overdue and rebound cases (used to pick the worst points). */
    public int burden() {
        return open + 2 * overdue + 2 * rebounds + (cameras - healthy);
    }
}
