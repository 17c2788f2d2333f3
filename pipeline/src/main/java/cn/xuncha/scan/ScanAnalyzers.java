package cn.xuncha.scan;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the scan's analyzer: reference mode with the given classifier, plus single-image mode when a model loads. */
public final class ScanAnalyzers {
    private static final Logger LOG = LoggerFactory.getLogger(ScanAnalyzers.class);

    private ScanAnalyzers() {}

    public static ScanAnalyzer create(CropClassifier classifier, CombinedScanAnalyzer.SingleImage when) {
        ScanAnalyzer reference = new ReferenceModeAnalyzer(classifier, AnalyzerSettings.defaults());
        ScanAnalyzer single = null;
        if (when != CombinedScanAnalyzer.SingleImage.OFF) {
            try {
                single = new SingleImageScanAnalyzer(ImageDetectors.defaultOr(GarbageClassifier::loadDefault));
            } catch (RuntimeException e) {
                LOG.warn("single-image mode off: {}", e.getMessage());
            }
        }
        return new CombinedScanAnalyzer(reference, single, when);
    }
}
