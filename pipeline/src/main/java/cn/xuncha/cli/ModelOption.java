package cn.xuncha.cli;

import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.ImageDetectors;
import cn.xuncha.models.SingleImageDetector;
import cn.xuncha.models.boxes.BoxDetector;

import cn.xuncha.models.GarbageClassifier;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared {@code --model FILE.zip} option: a trained model zip, else the committed default model. */
public final class ModelOption {
    @Option(names = "--model", paramLabel = "ZIP", description = "model zip with its .json beside it (default: committed model)")
    Path zip;

    @Option(names = "--detector", paramLabel = "ZIP|boxes|sliding", description = "single-image detector: a box model zip "
            + "(its boxes rescored by the classifier when training calibrated it for that), 'boxes' for the committed box model "
            + "alone, or 'sliding' for the classifier's window scan (default: the committed box model, rescored by the classifier)")
    String detector;

    /** The single-image detector chosen by --detector, built on clf where it needs the classifier. */
    public ImageDetector detector(GarbageClassifier clf) throws IOException {
        if (detector == null) return ImageDetectors.defaultFor(clf);
        if (detector.equals("sliding")) return new SingleImageDetector(clf);
        if (detector.equals("boxes")) {
            return BoxDetector.loadDefault().orElseThrow(() -> new IOException("no box model ships in this build (models/trained/)"));
        }
        return ImageDetectors.withVerifier(BoxDetector.load(Path.of(detector)), () -> clf);
    }

    public GarbageClassifier load() throws IOException {
        return zip == null ? GarbageClassifier.loadDefault() : GarbageClassifier.load(zip);
    }
}
