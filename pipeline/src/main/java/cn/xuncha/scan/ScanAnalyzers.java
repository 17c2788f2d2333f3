package cn.xuncha.scan;

import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.ImageDetectors;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the scan's analyzer: reference mode with the given classifier, plus single-image mode when a model loads. */
public final class ScanAnalyzers {
    private static final Logger LOG = LoggerFactory.getLogger(ScanAnalyzers.class);

    private ScanAnalyzers() {}

    /** As the scan settings say: when single-image mode runs, and how many detector instances it loads. */
    public static ScanAnalyzer create(CropClassifier classifier, ScanSettings settings) {
        CombinedScanAnalyzer.SingleImage when = settings.singleImage();
        ScanAnalyzer reference = new ReferenceModeAnalyzer(classifier, AnalyzerSettings.defaults());
        ScanAnalyzer single = null;
        if (when != CombinedScanAnalyzer.SingleImage.OFF) {
            try {
                DetectorPool pool = detectors(settings.detectorInstances(Runtime.getRuntime().availableProcessors()));
                LOG.info("single-image mode {}: {} ({} at once)", when, pool.description(), pool.size());
                missingBackbone().ifPresent(w -> LOG.warn("the stronger box head on pre-trained features is off: no {} "
                        + "(set {} to the directory with the Yolo-Fastest files)", w, Backbone.DIR_VARIABLE));
                single = new SingleImageScanAnalyzer(pool);
            } catch (RuntimeException e) {
                LOG.warn("single-image mode off: {}", e.getMessage());
            }
        }
        return new CombinedScanAnalyzer(reference, single, when);
    }

    private static DetectorPool detectors(int n) {
        List<ImageDetector> loaded = new ArrayList<>();
        for (int i = 0; i < n; i++) loaded.add(ImageDetectors.defaultOr(GarbageClassifier::loadDefault));
        return new DetectorPool(loaded);
    }

    private static Optional<Path> missingBackbone() {
        try {
            return BoxDetector.pretrainedBackboneWeights().filter(w -> !Files.isRegularFile(w));
        } catch (IOException e) {
            return Optional.empty(); // the detector's own loading already warned about its metadata
        }
    }
}
