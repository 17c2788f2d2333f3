package cn.xuncha.models.eval;

/** Labelled boxes a detector missed, by the stage that lost them (see {@link ImageOutcome#missed}). */
public record MissedBoxes(int noBoxNear, int scoredLow, int suppressed) {
    public static final MissedBoxes NONE = new MissedBoxes(0, 0, 0);

    public MissedBoxes plus(MissedBoxes o) {
        return new MissedBoxes(noBoxNear + o.noBoxNear, scoredLow + o.scoredLow, suppressed + o.suppressed);
    }
}
