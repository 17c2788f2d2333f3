package cn.xuncha.scan;

import cn.xuncha.analysis.Finding;
import java.time.Instant;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** Garbage analysis of one camera's scan frames; implementations adapt the analysis stage. Must be thread-safe. */
public interface ScanAnalyzer {
    /**
     * What was found, and whether the absence of an object can be trusted (a conclusive look lets the scan record
     * camera-verified clearance of open cases).
     */
    record Result(List<Finding> findings, boolean conclusive) {
        public static final Result NONE = new Result(List.of(), false);
    }

    /**
     * @param reference the camera's stored clean view, or null
     * @param frames BGR keyframes in grab order (owned by the caller)
     * @param at the scan time the findings are stamped with
     * @param trackBase added to track ids so tracks of different scans never collide
     */
    Result analyze(ScanTarget target, Mat reference, List<Mat> frames, Instant at, long trackBase);
}
