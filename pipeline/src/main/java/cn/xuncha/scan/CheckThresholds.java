package cn.xuncha.scan;

/**
 * Thresholds of the camera checks.
 *
 * @param coveredStdDev luminance standard deviation (0..255, at {@link FrameStats#WIDTH} px) below which a picture is
 *     uniform: lens covered or blocked
 * @param darkMean mean luminance below which the picture is too dark to judge garbage
 * @param blurRatio sharpness relative to the reference below which the view is blurred
 * @param blurAbsolute sharpness below which a view without a reference is blurred
 * @param shiftFraction view displacement (fraction of the frame width) above which the camera has moved
 * @param rotationDegrees view rotation above which the camera has moved
 * @param minInliers feature matches with the reference below which the view is no longer the reference scene
 */
public record CheckThresholds(double coveredStdDev, double darkMean, double blurRatio, double blurAbsolute,
                              double shiftFraction, double rotationDegrees, int minInliers) {
    public static final CheckThresholds DEFAULT = new CheckThresholds(2.5, 35.0, 0.35, 0.02, 0.02, 1.5, 12);
}
