package cn.xuncha.cli;

import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetectors;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.train.FeatureReviewTuner;
import cn.xuncha.models.train.ReviewFineTuner;
import cn.xuncha.models.train.ReviewSet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code xuncha train --from-reviews DIR [--tune-verifier]}: fine-tunes the current classifier (or the single-image
 * detector's verifier) on reviewers' verdicts and writes it only if it beats the current model on held-out reviews.
 *
 * @param target where a model of this name is written (the command's --out rules)
 */
record ReviewTraining(Path reviews, long seed, int epochs, Function<String, Path> target) {

    /** The crop classifier (--model, else the committed one), written to classifierTarget if promoted. */
    int classifier(GarbageClassifier current, Path classifierTarget) throws IOException {
        ReviewFineTuner.Outcome<GarbageClassifier> r = new ReviewFineTuner(seed, epochs, System.out).run(current, ReviewSet.read(reviews));
        return promote(r.metric(), r.currentScore(), r.candidateScore(), r.improved(), () -> ModelFiles.write(r.candidate(), classifierTarget),
                classifierTarget);
    }

    /** The verifier sees the box model's proposals; reviewers' verdicts on scan flags are exactly such crops. */
    int verifier() throws IOException {
        BoxDetector boxes = BoxDetector.loadDefault()
                .orElseThrow(() -> new IOException("no box model ships in this build (models/trained/garbage-boxes.zip)"));
        Optional<FeatureVerifier> onFeatures = FeatureVerifier.loadShipped(boxes);
        if (onFeatures.isPresent()) return featureVerifier(onFeatures.get(), boxes);
        String name = ImageDetectors.verifierNameFor(boxes);
        try (GarbageClassifier current = ImageDetectors.shippedVerifier(boxes).orElseThrow(() -> new IOException(
                "no verifier for " + boxes.description() + " ships in this build (models/trained/" + name + ".zip)"))) {
            System.out.println("verifier: " + name + " for " + boxes.description());
            return classifier(current, target.apply(name));
        }
    }

    /** The shipped detector verifies on backbone features: that verifier is the one the reviews should teach. */
    private int featureVerifier(FeatureVerifier current, BoxDetector boxes) throws IOException {
        Path out = target.apply(FeatureVerifier.MODEL_NAME);
        System.out.println("verifier: " + FeatureVerifier.MODEL_NAME + " for " + boxes.description());
        ReviewFineTuner.Outcome<FeatureVerifier> r = new FeatureReviewTuner(seed, epochs, System.out).run(current, ReviewSet.read(reviews));
        return promote(r.metric(), r.currentScore(), r.candidateScore(), r.improved(),
                () -> ModelFiles.write(r.candidate().network(), r.candidate().metadata(), out), out);
    }

    /** Writes the fine-tuned model only when it beat the current one on the held-out reviews. */
    private static int promote(String metric, double current, double candidate, boolean improved, ModelWrite write, Path out)
            throws IOException {
        System.out.printf(Locale.ROOT, "current model: %s %.4f%nfine-tuned   : %s %.4f%n", metric, current, metric, candidate);
        if (!improved) {
            System.out.println("not promoted: the fine-tuned model is not better on the held-out slice");
            return 0;
        }
        write.run();
        System.out.println("promoted: wrote " + out + " and " + ModelFiles.metadataPath(out));
        return 0;
    }

    private interface ModelWrite {
        void run() throws IOException;
    }
}
