package cn.xuncha.cli;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BackboneVariant;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.TailStart;
import cn.xuncha.models.train.BoxTrainer;
import cn.xuncha.models.train.MissingDataException;
import cn.xuncha.models.train.TrainOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code xuncha train --boxes [--backbone NAME [--tune-backbone [--tune-from LAYER]]]}: the box detector from scratch,
 * a head on a pre-trained backbone's frozen features, or the committed head fine-tuned with the backbone's deeper layers.
 *
 * @param backbone the backbone's name, null for the stand-alone box detector
 * @param tuneFrom the first Darknet layer tuned; null for where the committed head's tuned layers start
 */
record BoxHeadTraining(String backbone, boolean tuneBackbone, Integer tuneFrom) {

    /** Trains and writes o.out(); verifier is the classifier the shipped detector rescores its boxes with, calibrated for. */
    int run(TrainOptions o, GarbageClassifier verifier) throws IOException {
        try (Backbone features = backbone != null ? openBackbone(backbone) : null) {
            BoxDetector start = tuneBackbone ? startingHead(features) : null;
            TailStart from = !tuneBackbone ? null : tuningStart(start);
            BoxTrainer.Result r = new BoxTrainer(o, System.out, verifier, features, start, from).run();
            System.out.printf(Locale.ROOT, "trained in %.0f s; wrote %s and %s%n", r.seconds(), o.out(), ModelFiles.metadataPath(o.out()));
        }
        return 0;
    }

    /** The committed head on this backbone, which --tune-backbone fine-tunes. */
    private static BoxDetector startingHead(Backbone features) throws IOException {
        BoxDetector head = BoxDetector.loadDefault().filter(b -> b.backbone() != null)
                .orElseThrow(() -> new TrainingRefused("--tune-backbone: no committed head on a backbone loads here"));
        if (head.backbone().variant() != features.variant()) {
            throw new TrainingRefused("--tune-backbone: the committed head sits on " + head.backbone().variant().fileName()
                    + ", not " + features.variant().fileName());
        }
        System.out.println("starting from " + head.description() + " (" + head.sha256() + ")");
        return head;
    }

    /** --tune-from, else where the starting head's tuned layers start (81 for a head on the frozen backbone). */
    private TailStart tuningStart(BoxDetector start) throws IOException {
        try {
            return TailStart.forTuning(start.metadata().training(), tuneFrom == null ? null : TailStart.atLayer(tuneFrom));
        } catch (IllegalArgumentException e) {
            throw new TrainingRefused("--tune-from " + tuneFrom + ": " + e.getMessage());
        }
    }

    private static Backbone openBackbone(String name) throws IOException {
        BackboneVariant variant = BackboneVariant.named(name);
        Path weights = Backbone.weights(Backbone.directory(), variant);
        if (!Files.isRegularFile(weights)) throw new MissingDataException(weights);
        return Backbone.open(Backbone.directory(), variant);
    }
}
