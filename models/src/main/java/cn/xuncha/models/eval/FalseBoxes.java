package cn.xuncha.models.eval;

/**
 * A detector's false boxes (matching no labelled box one-to-one) by where they lie (see {@link ImageOutcome#falseBoxes}):
 * a second box on a bag another box found, a box on bags that fits none of them (part of one, or across several), or a
 * box off every labelled bag.
 */
public record FalseBoxes(int onFoundBag, int onBags, int offBags) {
    public static final FalseBoxes NONE = new FalseBoxes(0, 0, 0);

    public FalseBoxes plus(FalseBoxes o) {
        return new FalseBoxes(onFoundBag + o.onFoundBag, onBags + o.onBags, offBags + o.offBags);
    }
}
