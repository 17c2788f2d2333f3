package cn.xuncha.analysis;

/** Tells colour (day) frames from monochrome (night/IR) ones, whose chromaticity carries no information. */
final class ColourMode {
    /** RMS distance of chromaticity from grey below which a frame counts as monochrome. */
    static final double MIN_COLOURFULNESS = 0.012;

    private ColourMode() {}

    static boolean isColour(FrameFeatures f) {
        return f.colourfulness() >= MIN_COLOURFULNESS;
    }
}
