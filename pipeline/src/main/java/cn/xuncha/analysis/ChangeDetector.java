package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.*;
import static org.bytedeco.opencv.global.opencv_imgproc.*;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Per-sample masks of one camera view: {@code changed} (differs from the reference in a way lighting cannot
 * explain), {@code moving} (differs from the previous sample) and {@code candidates} (changed, not moving, for at
 * least {@code persistSamples} samples in a row, outside "dynamic background"). All work happens in reused buffers.
 *
 * <p>Dynamic background (swaying trees, flickering overlays, busy traffic lanes) is where motion is frequent: an
 * exponential average of the motion mask over roughly the last {@value #ACTIVITY_SAMPLES} samples; pixels
 * moving in more than {@value #ACTIVITY_LIMIT} of them cannot start or extend a candidate. A real object placed
 * there still becomes a candidate once the spot has calmed down (its own pixels no longer move).
 *
 * <p>Why a shadow or a brightness step is not a change: both multiply intensities, i.e. add a smooth offset to
 * the log ratio {@code dL = log(cur) - log(ref)}. The global offset is removed (median), a smooth local one has no
 * high-frequency energy, and chromaticity is unchanged. An object replaces texture (high-pass energy of dL),
 * colour (chromaticity) or is far brighter/darker than any shadow or lamp explains.
 */
final class ChangeDetector implements AutoCloseable {
    private static final Size BOX = new Size(5, 5);
    private static final Size SMOOTH = new Size(0, 0);
    /** scale of the high-pass on the log ratio: fine enough that a shadow's penumbra is "smooth" */
    static final double HP_SIGMA = 1.5;
    /** texture change must fill this disc (analysis px): hard shadow outlines are thinner bands */
    static final int TEXTURE_OPEN = 9;
    static final int ACTIVITY_SAMPLES = 20;
    static final double ACTIVITY_LIMIT = 0.1;
    private final AnalyzerSettings s;
    private final Mat dL = new Mat();
    private final Mat tmp = new Mat();
    private final Mat tmp2 = new Mat();
    private final Mat bit = new Mat();
    private final Mat textureKernel = getStructuringElement(MORPH_ELLIPSE, new Size(TEXTURE_OPEN, TEXTURE_OPEN));
    private final Mat openKernel = getStructuringElement(MORPH_ELLIPSE, new Size(5, 5));
    private final Mat closeKernel = getStructuringElement(MORPH_ELLIPSE, new Size(7, 7));
    private final Mat dilateKernel = getStructuringElement(MORPH_RECT, new Size(7, 7));
    final Mat changed = new Mat();
    final Mat moving = new Mat();
    final Mat persist = new Mat();
    final Mat candidates = new Mat();
    final Mat activity = new Mat();
    private double changedFraction;

    ChangeDetector(AnalyzerSettings settings) {
        this.s = settings;
    }

    /**
     * @param gain global log gain of cur relative to ref; {@code prevGain} the same for the previous sample
     * @param useChroma false for monochrome (night/IR) frames
     */
    void update(FrameFeatures cur, FrameFeatures ref, FrameFeatures prev, double gain, double prevGain, boolean useChroma, Mat area) {
        if (persist.empty() || persist.rows() != cur.logL.rows() || persist.cols() != cur.logL.cols()) {
            persist.create(cur.logL.rows(), cur.logL.cols(), CV_8U);
            activity.create(cur.logL.rows(), cur.logL.cols(), CV_32F);
            reset();
        }
        changedVsReference(cur, ref, gain, useChroma, area);
        movingVsPrevious(cur, prev, gain - prevGain);
        // persist: +1 where changed and still, hold where changed but covered by motion (occlusion), 0 elsewhere
        bitwise_not(moving, tmp2);
        bitwise_and(changed, tmp2, tmp2);
        threshold(tmp2, bit, 0, 1, THRESH_BINARY);
        add(persist, bit, persist); // saturates at 255
        bitwise_and(persist, changed, persist); // changed is 0/255: keeps counts where changed, zero elsewhere
        threshold(persist, candidates, s.persistSamples() - 0.5, 255, THRESH_BINARY);
        accumulateWeighted(moving, activity, 1.0 / ACTIVITY_SAMPLES);
        threshold(activity, tmp, ACTIVITY_LIMIT * 255, 255, THRESH_BINARY_INV);
        tmp.convertTo(bit, CV_8U);
        bitwise_and(candidates, bit, candidates);
        morphologyEx(candidates, candidates, MORPH_CLOSE, closeKernel);
        bitwise_and(candidates, area, candidates);
    }

    double changedFraction() {
        return changedFraction;
    }

    /** Forget persistence (after a reference reset). */
    void reset() {
        if (!persist.empty()) persist.put(Scalar.all(0));
        if (!activity.empty()) activity.put(Scalar.all(0));
    }

    private void changedVsReference(FrameFeatures cur, FrameFeatures ref, double gain, boolean useChroma, Mat area) {
        subtract(cur.logL, ref.logL, dL);
        dL.convertTo(dL, -1, 1, -gain);
        // strong brightening/darkening beyond shadows and lamps
        threshold(dL, tmp, s.brighterLog(), 255, THRESH_BINARY);
        tmp.convertTo(changed, CV_8U);
        threshold(dL, tmp, s.darkerLog(), 255, THRESH_BINARY_INV);
        tmp.convertTo(bit, CV_8U);
        bitwise_or(changed, bit, changed);
        // texture: local energy of the high-pass log ratio
        GaussianBlur(dL, tmp, SMOOTH, HP_SIGMA);
        subtract(dL, tmp, tmp);
        multiply(tmp, tmp, tmp);
        boxFilter(tmp, tmp, -1, BOX);
        threshold(tmp, tmp, s.textureThreshold(), 255, THRESH_BINARY);
        tmp.convertTo(bit, CV_8U);
        // a hard shadow edge leaves a band of texture change along its outline: keep only compact regions
        morphologyEx(bit, bit, MORPH_OPEN, textureKernel);
        bitwise_or(changed, bit, changed);
        if (useChroma) {
            absdiff(cur.cb, ref.cb, tmp);
            absdiff(cur.cr, ref.cr, tmp2);
            add(tmp, tmp2, tmp);
            threshold(tmp, tmp, s.chromaThreshold(), 255, THRESH_BINARY);
            tmp.convertTo(bit, CV_8U);
            bitwise_and(bit, cur.chromaValid, bit);
            bitwise_and(bit, ref.chromaValid, bit);
            bitwise_or(changed, bit, changed);
        }
        bitwise_and(changed, area, changed);
        morphologyEx(changed, changed, MORPH_OPEN, openKernel);
        int areaPixels = Math.max(1, countNonZero(area));
        changedFraction = countNonZero(changed) / (double) areaPixels;
    }

    private void movingVsPrevious(FrameFeatures cur, FrameFeatures prev, double gainDelta) {
        if (prev == null || prev.logL.empty()) {
            moving.create(cur.logL.rows(), cur.logL.cols(), CV_8U);
            moving.put(Scalar.all(0));
            return;
        }
        cur.logL.convertTo(tmp, -1, 1, -gainDelta);
        absdiff(tmp, prev.logL, tmp);
        threshold(tmp, tmp, s.motionLog(), 255, THRESH_BINARY);
        tmp.convertTo(moving, CV_8U);
        dilate(moving, moving, dilateKernel, new Point(-1, -1), 1, BORDER_CONSTANT, Scalar.all(0));
    }

    @Override
    public void close() {
        for (Mat m : new Mat[] {textureKernel, dL, tmp, tmp2, bit, openKernel, closeKernel, dilateKernel, changed, moving, persist, candidates, activity}) m.close();
    }
}
