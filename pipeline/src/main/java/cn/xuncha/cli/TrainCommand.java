package cn.xuncha.cli;

import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BackboneVariant;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.TailStart;
import cn.xuncha.models.data.SharedPaths;
import cn.xuncha.models.train.FeatureVerifierTrainer;
import cn.xuncha.models.train.MissingDataException;
import cn.xuncha.models.train.TrainOptions;
import cn.xuncha.models.train.Trainer;
import cn.xuncha.models.train.VerifiedCalibration;
import cn.xuncha.models.train.VerifierTrainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code xuncha train}: trains the garbage CNN from the shared datasets (or, with --from-reviews, fine-tunes the
 * current model on reviewed crops and promotes it only if it beats the current one on a held-out slice).
 */
@Command(name = "train", description = "Train the garbage model (writes models/trained/), or fine-tune it --from-reviews DIR.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "YOLO dataset root with train/ and valid/ (default: $XUNCHA_SHARED/datasets/trashbags-kr)")
    Path data;

    @Option(names = "--cameras", paramLabel = "DIR", description = "fixed-camera clips for negatives (default: $XUNCHA_SHARED/datasets/fixed-cameras)")
    Path cameras;

    @Option(names = "--out", paramLabel = "ZIP", description = "model zip to write, or a directory to write it in under its own name (garbage-cnn.zip, "
            + "garbage-verifier-features.zip, ...); metadata JSON goes beside it (default: models/trained/)")
    Path out;

    @Option(names = "--boxes", description = "train the single-image box detector (garbage-boxes) instead of the crop classifier")
    boolean boxes;

    @Option(names = "--backbone", arity = "0..1", paramLabel = "NAME", fallbackValue = "yolo-fastest-1.1",
            description = "with --boxes: train only a head on the frozen features of a pre-trained Yolo-Fastest (yolo-fastest-1.1 "
            + "when no NAME is given, or yolo-fastest-1.1-xl; files in $XUNCHA_BACKBONE_DIR, else $XUNCHA_SHARED/models/yolo-fastest) "
            + "into garbage-boxes-pretrained")
    String backbone;

    @Option(names = "--tune-backbone", description = "with --boxes --backbone: start from the committed head on that backbone and "
            + "fine-tune it together with the backbone's layers past the stride-8 map (rebuilt in DL4J from the Darknet files)")
    boolean tuneBackbone;

    @Option(names = "--tune-from", paramLabel = "LAYER", description = "with --tune-backbone: the first Darknet layer tuned, "
            + "81 (the stride-32 part and the second branch) or 59 (the stride-16 blocks too, about 1.7x the time per batch); "
            + "default: where the committed head's tuned layers start (59 since session 21), never later")
    Integer tuneFrom;

    @Option(names = "--box-verifier", description = "fine-tune the classifier (--model, else the committed one) on the committed box "
            + "detector's proposals into its verifier (garbage-verifier, or garbage-verifier-pretrained for the head on the backbone)")
    boolean boxVerifier;

    @Option(names = "--on-features", description = "with --box-verifier: train the verifier on the features of 96-px crops "
            + "from the network the box head reads (its tuned layers included) (garbage-verifier-features) instead of fine-tuning the 32-px classifier")
    boolean onFeatures;

    @Option(names = "--members", paramLabel = "N", description = "with --on-features: N verifier networks side by side in one, "
            + "initialised apart and averaged at run time (default: 1)")
    Integer members;

    @Option(names = "--proposal-sides", paramLabel = "PX,PX...", split = ",", description = "with --on-features: the shorter "
            + "sides the head proposes at, in its input pixels, for training and then at run time (default: its training "
            + "side and 1.5x, e.g. 256,384)")
    List<Integer> proposalSides;

    @Option(names = "--epochs", description = "training epochs (default: 2 for the classifier, 8 with --boxes, 12 with --boxes --backbone, 3 with --tune-backbone, 4 with --box-verifier, 15 with --on-features)")
    Integer epochs;

    @Option(names = "--fine-tune-epochs", defaultValue = "4", description = "passes over the review crops with --from-reviews")
    int fineTuneEpochs;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--batch", description = "batch size (default: 64 crops; 16 photos with --boxes)")
    Integer batch;

    @Option(names = "--lr", description = "initial learning rate, cosine decay (default: 0.002; 0.001 with --boxes; 0.0003 with --tune-backbone, a third of it for the backbone's layers)")
    Double lr;

    @Option(names = "--max-images", defaultValue = "0", description = "use at most N training/validation images (quick trials; 0 = all)")
    int maxImages;

    @Option(names = "--max-false-boxes", defaultValue = "0.5", description = "false-box budget per valid image for the strict threshold recorded in the metadata")
    double maxFalseBoxes;

    @Option(names = "--from-reviews", paramLabel = "DIR", description = "fine-tune on DIR/labels.csv (file,label,category) instead of training from scratch")
    Path reviews;

    @Option(names = "--tune-verifier", description = "with --from-reviews: fine-tune the verifier of the single-image detector (garbage-verifier-features when it ships, else "
            + "garbage-verifier-pretrained, or garbage-verifier without the backbone's files) instead of the crop classifier")
    boolean reviewVerifier;

    @Mixin
    ModelOption base;

    @Override
    public Integer call() throws Exception {
        String wrong = optionError();
        if (wrong != null) {
            System.err.println("xuncha train: " + wrong);
            return 2;
        }
        Path target = target(boxes && backbone != null ? BoxDetector.PRETRAINED_MODEL_NAME : boxes ? BoxDetector.MODEL_NAME
                : boxVerifier ? VerifiedDetector.VERIFIER_MODEL_NAME : GarbageClassifier.MODEL_NAME);
        try {
            return reviews != null ? fineTune(target) : train(target);
        } catch (MissingDataException | TrainingRefused e) {
            System.err.println("xuncha train: " + e.getMessage());
            return 2;
        }
    }

    /** The first option given wrongly (a combination that does not go together, or a value not known), else null. */
    private String optionError() {
        if (boxes && boxVerifier) return "--boxes and --box-verifier train different models; give one";
        if (backbone != null && !boxes) return "--backbone goes with --boxes";
        if (tuneBackbone && backbone == null) return "--tune-backbone goes with --boxes --backbone";
        if (tuneFrom != null && !tuneBackbone) return "--tune-from goes with --tune-backbone";
        if (onFeatures && !boxVerifier) return "--on-features goes with --box-verifier";
        if (members != null && !onFeatures) return "--members goes with --box-verifier --on-features";
        if (members != null && (members < 1 || members > 8)) return "--members: 1 to 8 networks, got " + members;
        if (proposalSides != null && !onFeatures) return "--proposal-sides goes with --box-verifier --on-features";
        String badSides = proposalSides == null ? null : FeatureVerifierTrainer.sidesError(proposalSides);
        if (badSides != null) return badSides;
        if (reviewVerifier && reviews == null) return "--tune-verifier goes with --from-reviews";
        String bad = backbone == null ? null : badValue("--backbone", () -> BackboneVariant.named(backbone));
        return bad != null || tuneFrom == null ? bad : badValue("--tune-from", () -> TailStart.atLayer(tuneFrom));
    }

    /** The option named with the message of what check throws for its value, else null. */
    private static String badValue(String option, Runnable check) {
        try {
            check.run();
            return null;
        } catch (IllegalArgumentException e) {
            return option + ": " + e.getMessage();
        }
    }

    /**
     * Where the model called name is written: --out; NAME.zip inside it when it is a directory (found at the end of a
     * half-hour run, that used to lose the trained model); else beside the shipped models in models/trained/.
     */
    private Path target(String name) {
        if (out == null) return SharedPaths.defaultModelZip().resolveSibling(name + ".zip");
        return java.nio.file.Files.isDirectory(out) ? out.resolve(name + ".zip") : out;
    }

    private int train(Path target) throws IOException {
        TrainOptions o = new TrainOptions(data != null ? data : SharedPaths.trashbags(),
                cameras != null ? cameras : SharedPaths.fixedCameras(), target,
                epochs != null ? epochs : tuneBackbone ? 3 : boxes ? (backbone != null ? 12 : 8) : onFeatures ? 15 : boxVerifier ? 4 : 2, seed,
                batch != null ? batch : boxes ? 16 : onFeatures ? 128 : 64,
                lr != null ? lr : tuneBackbone ? 0.0003 : boxes || onFeatures ? 0.001 : boxVerifier ? 0.0005 : 0.002, maxImages, maxFalseBoxes);
        if (onFeatures) return trainFeatureVerifier(o);
        if (boxVerifier) return trainVerifier(o);
        if (boxes) {
            // the shipped detector rescores its boxes with the classifier (--model, else the committed one): calibrate for it
            try (GarbageClassifier verifier = base.load()) {
                return new BoxHeadTraining(backbone, tuneBackbone, tuneFrom).run(o, verifier);
            }
        }
        Trainer.Result r = new Trainer(o, System.out).run();
        System.out.print(r.validation().table());
        System.out.printf(Locale.ROOT, "trained in %.0f s; wrote %s and %s%n", r.seconds(), target, ModelFiles.metadataPath(target));
        return 0;
    }

    private int trainVerifier(TrainOptions o) throws IOException {
        BoxDetector boxModel = BoxDetector.loadDefault()
                .orElseThrow(() -> new IOException("no box model ships in this build (models/trained/garbage-boxes.zip)"));
        if (boxModel.backbone() != null) o = o.withOut(target(VerifiedDetector.PRETRAINED_VERIFIER_MODEL_NAME));
        System.out.println("box model: " + boxModel.description() + " (" + boxModel.sha256() + ")");
        try (GarbageClassifier clf = base.load()) {
            VerifierTrainer.Result r = new VerifierTrainer(o, System.out).run(boxModel, clf);
            System.out.println(VerifiedCalibration.summary(r.metrics()));
            System.out.printf(Locale.ROOT, "trained in %.0f s; wrote %s and %s%n", r.seconds(), o.out(), ModelFiles.metadataPath(o.out()));
        }
        return 0;
    }

    private int trainFeatureVerifier(TrainOptions o) throws IOException {
        Path weights = BoxDetector.pretrainedBackboneWeights().orElse(Backbone.directory());
        BoxDetector boxModel = BoxDetector.loadDefault().filter(b -> b.backbone() != null)
                .orElseThrow(() -> new MissingDataException(weights)); // the head (and so its features) needs these files
        o = o.withOut(target(FeatureVerifier.MODEL_NAME));
        System.out.println("box model: " + boxModel.description() + " (" + boxModel.sha256() + ")");
        FeatureVerifierTrainer.Result r = new FeatureVerifierTrainer(o, members == null ? 1 : members, System.out)
                .run(boxModel, proposalSides == null ? FeatureVerifierTrainer.defaultSides(boxModel) : proposalSides);
        System.out.println(VerifiedCalibration.summary(r.metrics()));
        System.out.printf(Locale.ROOT, "trained in %.0f s; wrote %s and %s%n", r.seconds(), o.out(), ModelFiles.metadataPath(o.out()));
        return 0;
    }

    /** --from-reviews: the verifier with --tune-verifier, else the classifier (--model, else the committed one). */
    private int fineTune(Path target) throws IOException {
        ReviewTraining reviewTraining = new ReviewTraining(reviews, seed, fineTuneEpochs, this::target);
        if (reviewVerifier) return reviewTraining.verifier();
        try (GarbageClassifier current = base.load()) {
            return reviewTraining.classifier(current, target);
        }
    }
}
