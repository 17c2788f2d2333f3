package cn.xuncha.models.train;

import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.train.ProposalCrops.Proposal;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Fine-tunes the feature verifier on reviewer-labelled crops, as {@link ReviewFineTuner} does the patch classifier:
 * the same held-out quarter decides; a confirmed crop is taught as a tight box on garbage (IoU 1), a dismissed one
 * as background (0). Reviewed crops carry no box, so they count as square boxes.
 */
public final class FeatureReviewTuner {

    private static final int BATCH = 32;
    private final long seed;
    private final int epochs;
    private final PrintStream log;

    public FeatureReviewTuner(long seed, int epochs, PrintStream log) {
        this.seed = seed;
        this.epochs = epochs;
        this.log = log;
    }

    public ReviewFineTuner.Outcome<FeatureVerifier> run(FeatureVerifier current, List<ReviewSet.Item> items) throws IOException {
        Random rnd = new Random(seed);
        ReviewFineTuner.Split split = ReviewFineTuner.split(items, FeatureVerifier.CROP, rnd);
        INDArray held = FeatureVerifierTrainer.features(current.backbone(), asSquareBoxes(split.held()), current.layout(), "features held out");
        double before = split.score(current.scoreFeatures(held), current.metadata().operatingThreshold());
        List<Proposal> train = FeatureVerifierTrainer.withMirrors(asSquareBoxes(split.train()), rnd);
        INDArray x = FeatureVerifierTrainer.features(current.backbone(), train, current.layout(), "features reviews");
        FeatureVerifierTrainer.Targets y = FeatureVerifierTrainer.Targets.of(train, x);
        ComputationGraph net = current.network().clone();
        net.setLearningRate(1e-4);
        for (int e = 0; e < epochs; e++) FeatureVerifierTrainer.fitEpoch(net, x, y, BATCH, rnd);
        ModelMetadata m = current.metadata();
        Map<String, Object> training = new LinkedHashMap<>(m.training());
        training.put(ReviewFineTuner.TUNED_KEY, split.record(epochs, before, null));
        FeatureVerifier candidate = new FeatureVerifier(net, current.backbone(), m.withTraining(training), current.layout());
        double after = split.score(candidate.scoreFeatures(held), m.operatingThreshold());
        training.put(ReviewFineTuner.TUNED_KEY, split.record(epochs, before, after));
        log.println(split.summary(before, after));
        return new ReviewFineTuner.Outcome<>(candidate, before, after, split.metric(), split.train().size(), split.held().size());
    }

    /** Confirmed crops as tight boxes on garbage (IoU 1), dismissed ones as background; square, their box unknown (not refined). */
    private static List<Proposal> asSquareBoxes(List<Patch> patches) {
        return patches.stream().map(p -> new Proposal(p.bgr(), p.label(), 1, null)).toList();
    }
}
