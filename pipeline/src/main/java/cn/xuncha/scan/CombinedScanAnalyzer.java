package cn.xuncha.scan;

import cn.xuncha.analysis.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Reference mode, plus single-image mode where it is wanted: single-image findings that overlap a reference-mode
 * finding are dropped (the same object twice). Conclusiveness (for clearance) comes from reference mode alone.
 */
public final class CombinedScanAnalyzer implements ScanAnalyzer {
    /** When single-image mode runs. */
    public enum SingleImage { ALWAYS, WITHOUT_REFERENCE, OFF }

    private static final double SAME_OBJECT_IOU = 0.3;
    private final ScanAnalyzer reference;
    private final ScanAnalyzer single;
    private final SingleImage when;

    /** @param single null when no detector model is available */
    public CombinedScanAnalyzer(ScanAnalyzer reference, ScanAnalyzer single, SingleImage when) {
        this.reference = reference;
        this.single = single;
        this.when = single == null ? SingleImage.OFF : when;
    }

    @Override
    public Result analyze(ScanTarget t, Mat ref, List<Mat> frames, Instant at, long trackBase) {
        Result r = reference.analyze(t, ref, frames, at, trackBase);
        boolean runSingle = when == SingleImage.ALWAYS || (when == SingleImage.WITHOUT_REFERENCE && ref == null);
        if (!runSingle) return r;
        List<Finding> all = new ArrayList<>(r.findings());
        for (Finding f : single.analyze(t, ref, frames, at, trackBase).findings()) {
            if (r.findings().stream().noneMatch(g -> g.box().iou(f.box()) >= SAME_OBJECT_IOU)) all.add(f);
        }
        return new Result(all, r.conclusive());
    }
}
