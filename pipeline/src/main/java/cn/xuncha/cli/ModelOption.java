package cn.xuncha.cli;

import cn.xuncha.models.BoxProposer;
import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.ImageDetectors;
import cn.xuncha.models.SingleImageDetector;
import cn.xuncha.models.TiledProposer;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.BoxDetector;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The shared model options: the classifier ({@code --model}) and the single-image detector ({@code --detector}, {@code --verifier}). */
public final class ModelOption {
    /** Help of the --threshold option that detect and eval share. */
    static final String THRESHOLD_HELP = "detection threshold (default: the model's strict point, set on the valid photos: "
            + "the highest box recall within 0.5 false boxes per image)";

    @Option(names = "--model", paramLabel = "ZIP", description = "model zip with its .json beside it (default: committed model)")
    Path zip;

    @Option(names = "--detector", paramLabel = "ZIP|boxes|sliding", description = "single-image detector: a box model zip "
            + "(with the best second stage that fits it), 'boxes' for the committed box model alone, or 'sliding' for the "
            + "classifier's window scan (default: the committed box model and its verifier)")
    String detector;

    @Option(names = "--verifier", paramLabel = "ZIP", description = "a verifier from 'train --box-verifier [--on-features]' to rescore "
            + "the box model's boxes with, at the strict threshold in its metadata (default: the committed one, if trained on this box model)")
    Path verifier;

    @Option(names = "--no-tiles", description = "propose boxes on the whole frame only (default: frames with a shorter side "
            + "of 900 px or more are also proposed on in overlapping 720-px tiles, so far garbage keeps its detail, "
            + "unless the whole frame already shows garbage large: a close-up, where tiles would cut it up)")
    boolean noTiles;

    /** The single-image detector chosen by --detector and --verifier, built on clf where it needs the classifier. */
    public ImageDetector detector(GarbageClassifier clf) throws IOException {
        if ("sliding".equals(detector)) return new SingleImageDetector(clf);
        if (detector == null && verifier == null && !noTiles) return ImageDetectors.defaultFor(clf);
        BoxDetector boxes = detector == null || detector.equals("boxes")
                ? BoxDetector.loadDefault().orElseThrow(() -> new IOException("no box model ships in this build (models/trained/)"))
                : BoxDetector.load(Path.of(detector));
        if (verifier != null) return verifiedBy(boxes);
        if ("boxes".equals(detector)) return boxes;
        return ImageDetectors.withVerifier(boxes, () -> clf, !noTiles);
    }

    /** The box model rescored by --verifier: a feature verifier (refused unless trained for it) or a fine-tuned classifier. */
    private ImageDetector verifiedBy(BoxDetector boxes) throws IOException {
        if (FeatureVerifier.isOne(verifier)) return ImageDetectors.verifiedOnFeatures(boxes, FeatureVerifier.load(verifier, boxes), !noTiles);
        BoxProposer proposer = noTiles ? boxes : new TiledProposer(boxes);
        GarbageClassifier v = GarbageClassifier.load(verifier);
        if (!VerifiedDetector.trainedOn(v.metadata(), boxes.sha256())) {
            System.err.println("warning: " + verifier + " was trained on another box model's proposals; its threshold may not fit");
        }
        return new VerifiedDetector(proposer, v, VerifiedDetector.reportingThreshold(v.metadata()));
    }

    public GarbageClassifier load() throws IOException {
        return zip == null ? GarbageClassifier.loadDefault() : GarbageClassifier.load(zip);
    }
}
