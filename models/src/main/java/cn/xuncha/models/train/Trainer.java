package cn.xuncha.models.train;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.eval.Auroc;
import cn.xuncha.models.eval.EvalReport;
import cn.xuncha.models.eval.Evaluator;
import cn.xuncha.models.eval.PatchMetrics;
import cn.xuncha.models.net.GarbageNet;
import cn.xuncha.models.net.MatTensors;
import java.io.IOException;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the garbage CNN from scratch (fixed seeds), keeps the epoch with the best validation patch AUROC, picks
 * the operating and detection thresholds on the validation split, and writes model zip + metadata JSON.
 */
public final class Trainer {

    /** Result of a run: the written model and its validation report. */
    public record Result(GarbageClassifier model, EvalReport validation, double seconds) {}

    private final TrainOptions o;
    private final PrintStream log;

    public Trainer(TrainOptions o, PrintStream log) {
        this.o = o;
        this.log = log;
    }

    public Result run() throws IOException {
        long t0 = System.nanoTime();
        Nd4j.getRandom().setSeed(o.seed());
        int size = GarbageNet.INPUT;
        try (TrainingData data = new TrainingData(o, size)) {
            log.printf(Locale.ROOT, "data: %d train images, %d valid images, %d clips%n",
                    data.train.size(), data.valid.size(), data.videos.size());
            List<Patch> val = data.validationPatches(o.seed() + 1, o.maxImages());
            int[] valLabels = val.stream().mapToInt(Patch::label).toArray();
            MultiLayerNetwork net = GarbageNet.create(o.seed(), o.learningRate());
            BestEpoch best = BestEpoch.none();
            Map<String, Object> history = new LinkedHashMap<>();
            try (ProgressBar pb = new ProgressBarBuilder().setTaskName("train").setInitialMax(o.epochs()).build()) {
                for (int e = 1; e <= o.epochs(); e++) {
                    // cosine decay: big steps early, fine ones at the end; deterministic per epoch
                    net.setLearningRate(o.learningRate() * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * (e - 1) / o.epochs()))));
                    List<Patch> patches = data.epoch(new Random(o.seed() * 1_000 + e), o.maxImages());
                    int batches = (patches.size() + o.batchSize() - 1) / o.batchSize();
                    pb.maxHint((long) o.epochs() * batches);
                    if (e == 1) pb.stepTo(0);
                    double loss = 0;
                    for (int b = 0; b < batches; b++) {
                        net.fit(PatchBatches.of(patches.subList(b * o.batchSize(),
                                Math.min(patches.size(), (b + 1) * o.batchSize())), size));
                        loss += net.score();
                        pb.step();
                        pb.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.3f", e, loss / (b + 1)));
                    }
                    double auc = Auroc.of(score(net, val, size), valLabels);
                    history.put("epoch" + e, Map.of("loss", loss / batches, "val_patch_auroc", auc, "patches", patches.size()));
                    pb.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.3f val AUROC %.4f", e, loss / batches, auc));
                    best.offer(e, auc, net);
                }
            }
            best.restore(net);
            log.printf(Locale.ROOT, "best epoch %d (val patch AUROC %.4f)%n", best.epoch(), best.score());
            float[] valScores = score(net, val, size);
            double op = PatchMetrics.bestF1Threshold(valScores, valLabels);
            Map<String, Object> training = o.record(best.epoch(), history);
            ModelMetadata draft = new ModelMetadata(List.of("background", "garbage"), size,
                    cn.xuncha.models.data.PatchSampler.CROP_PAD, op, 0.5, data.fingerprint(), Map.of(), training);
            log.println("choosing the detection threshold on the valid split ...");
            Result r = calibrate(new GarbageClassifier(net, draft), data.validForThreshold(o.maxImages()), o, log);
            training.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
            ModelFiles.write(r.model(), o.out());
            return new Result(r.model(), r.validation(), (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Scans the valid images once and sets the detection threshold to the best box F1 (IoU 0.3); the strict
     * point (false boxes per image within the budget) is recorded in the metrics. Returns a new model object.
     */
    public static Result calibrate(GarbageClassifier model, List<LabeledImage> validImages, TrainOptions o, PrintStream log)
            throws IOException {
        long t0 = System.nanoTime();
        Evaluator ev;
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName("valid").setInitialMax(validImages.size()).build()) {
            ev = new Evaluator(model).run(validImages, o.seed() + 1, pb::step);
        }
        ModelMetadata m = model.metadata();
        double det = ev.thresholdForBestBoxF1();
        double strict = ev.thresholdForFalseBoxes(o.maxFalseBoxesPerImage());
        EvalReport strictReport = ev.report("valid", strict, m.operatingThreshold());
        EvalReport report = ev.report("valid", det, m.operatingThreshold());
        Map<String, Double> metrics = new LinkedHashMap<>(report.asMetrics("valid_"));
        metrics.put("valid_strict_detection_threshold", strict);
        metrics.put("valid_strict_box_recall_iou0.3", strictReport.boxRecallIou03());
        metrics.put("valid_strict_false_boxes_per_image", strictReport.falseBoxesPerImage());
        GarbageClassifier calibrated = new GarbageClassifier(model.network(), new ModelMetadata(m.classes(),
                m.inputSize(), m.cropPadding(), m.operatingThreshold(), det, m.dataFingerprint(), metrics, m.training()));
        log.printf(Locale.ROOT, "detection threshold %.2f (best box F1); strict %.2f keeps <= %.2f false boxes/image "
                + "at box recall %.3f%n", det, strict, o.maxFalseBoxesPerImage(), strictReport.boxRecallIou03());
        return new Result(calibrated, report, (System.nanoTime() - t0) / 1e9);
    }

    static float[] score(MultiLayerNetwork net, List<Patch> patches, int size) {
        float[] out = new float[patches.size()];
        for (int s = 0; s < patches.size(); s += 256) {
            List<byte[]> chunk = patches.subList(s, Math.min(patches.size(), s + 256)).stream().map(Patch::bgr).toList();
            INDArray p = net.output(MatTensors.batchFromBytes(chunk, size), false);
            for (int i = 0; i < chunk.size(); i++) out[s + i] = p.getFloat(i, 1, 0, 0);
        }
        return out;
    }
}
