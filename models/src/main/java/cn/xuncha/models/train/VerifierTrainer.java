package cn.xuncha.models.train;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.eval.Auroc;
import cn.xuncha.models.eval.Evaluator;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fine-tunes the patch classifier into the verifier of the box detector ({@link VerifiedDetector}): trained on the
 * detector's own proposals on the train photos, their 2×2 mosaics and garbage-free camera frames ({@link ProposalCrops}), so it learns to reject the detector's typical
 * mistakes (part of a bag, a loose box round a pile, bag-like street objects) rather than random background. The
 * epoch kept is the one with the best AUROC on the valid photos' proposals; the two-stage thresholds are then set on
 * the valid photos ({@link VerifiedCalibration}) and written into the verifier's metadata.
 */
public final class VerifierTrainer {
    private final TrainOptions o;
    private final PrintStream log;

    public VerifierTrainer(TrainOptions o, PrintStream log) {
        this.o = o;
        this.log = log;
    }

    public record Result(GarbageClassifier model, Map<String, Double> metrics, double seconds) {}

    public Result run(BoxDetector boxes, GarbageClassifier base) throws IOException {
        long t0 = System.nanoTime();
        Nd4j.getRandom().setSeed(o.seed()); // dropout masks: a rerun must give the same verifier
        int size = base.metadata().inputSize();
        MinedProposals mined = MinedProposals.mine(o, boxes, size, log);
        List<Patch> trainCrops = mined.trainPatches(), validCrops = mined.validPatches();
        List<LabeledImage> valid = mined.validPhotos();
        long bags = mined.checkBothClasses();
        int[] validLabels = validCrops.stream().mapToInt(Patch::label).toArray();
        MultiLayerNetwork net = base.network().clone();
        BestEpoch best = BestEpoch.startingFrom(net, Auroc.of(Trainer.score(net, validCrops, size), validLabels));
        log.printf(Locale.ROOT, "proposal crops: %d train (%d bags), %d valid; base classifier valid AUROC %.4f%n",
                trainCrops.size(), bags, validCrops.size(), best.score());
        Map<String, Object> history = new LinkedHashMap<>();
        Random rnd = new Random(o.seed());
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName("train verifier").setInitialMax(
                (long) o.epochs() * ((trainCrops.size() + o.batchSize() - 1) / o.batchSize())).build()) {
            for (int e = 1; e <= o.epochs(); e++) {
                net.setLearningRate(o.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (e - 1) / o.epochs())));
                List<Patch> epoch = new ArrayList<>(trainCrops.size());
                for (Patch p : trainCrops) epoch.add(new Patch(ReviewFineTuner.augment(p.bgr(), size, rnd), p.label()));
                Collections.shuffle(epoch, rnd);
                for (int s = 0; s < epoch.size(); s += o.batchSize()) {
                    net.fit(PatchBatches.of(epoch.subList(s, Math.min(epoch.size(), s + o.batchSize())), size));
                    pb.step();
                }
                double auc = Auroc.of(Trainer.score(net, validCrops, size), validLabels);
                history.put("epoch" + e, Map.of("val_proposal_auroc", auc));
                pb.setExtraMessage(String.format(Locale.ROOT, "epoch %d valid proposal AUROC %.4f", e, auc));
                best.offer(e, auc, net);
            }
        }
        best.restore(net);
        log.printf(Locale.ROOT, "kept epoch %d (valid proposal AUROC %.4f; epoch 0 = the classifier unchanged)%n", best.epoch(), best.score());
        ModelMetadata m = base.metadata();
        GarbageClassifier draft = new GarbageClassifier(net, m);
        Map<String, Double> metrics = VerifiedCalibration.metrics(new Evaluator(null, new VerifiedDetector(boxes, draft, 0.5))
                .run(valid, o.seed() + 1, () -> {}), o.maxFalseBoxesPerImage());
        metrics.put("valid_proposal_auroc", best.score());
        Map<String, Object> training = o.record(best.epoch(), history);
        // the verifier learned this box model's proposals: the runtime pairs them only while that exact model ships
        training.put(VerifiedDetector.BOX_MODEL_KEY, boxes.sha256());
        training.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
        GarbageClassifier verifier = new GarbageClassifier(net, new ModelMetadata(m.classes(), size, m.cropPadding(),
                m.operatingThreshold(), metrics.get(VerifiedDetector.THRESHOLD_METRIC), m.dataFingerprint(), metrics, training));
        ModelFiles.write(verifier, o.out());
        return new Result(verifier, metrics, (System.nanoTime() - t0) / 1e9);
    }
}
