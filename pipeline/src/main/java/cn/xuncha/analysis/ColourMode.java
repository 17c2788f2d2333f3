package cn.xuncha.analysis;

/**
 * Tells colour (day) frames from monochrome (night/IR) ones, whose chromaticity carries no information.
 * A frame only counts as a mode switch when clearly on the other side of the threshold, so grey scenes
 * near it do not flap between modes (each switch relearns the reference).
 */
final class ColourMode {
    /** Median distance of chromaticity from grey below which a frame counts as monochrome (IR: ~0.001, JPEG noise). */
    static final double MIN_COLOURFULNESS = 0.006;

    private ColourMode() {}

    static boolean isColour(double colourfulness) {
        return colourfulness >= MIN_COLOURFULNESS;
    }

    /** Whether a frame of this colourfulness is clearly in the other mode than a reference of mode {@code referenceColour}. */
    static boolean switched(boolean referenceColour, double colourfulness) {
        return referenceColour ? colourfulness < MIN_COLOURFULNESS / 2 : colourfulness > MIN_COLOURFULNESS * 2;
    }
}
