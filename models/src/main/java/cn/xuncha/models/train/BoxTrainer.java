package cn.xuncha.models.train;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.BoxHead;
import cn.xuncha.models.boxes.BoxNet;
import cn.xuncha.models.boxes.BoxTraining;
import cn.xuncha.models.boxes.TailStart;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.eval.EvalReport;
import cn.xuncha.models.eval.Evaluator;
import cn.xuncha.models.eval.Mosaic;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the box detector ({@link BoxNet} from scratch, or a {@link BoxHead} on a frozen {@link Backbone}) with
 * fixed seeds: each epoch cuts fresh augmented windows of every training photo plus background-only windows of the
 * fixed-camera clips ({@link BoxEpoch}, half of them in 2×2 mosaics), keeps the epoch with the best mean box F1 over
 * the valid photos and their 2×2 mosaics, sets the detection threshold at the photos' best F1 and writes model zip +
 * metadata JSON.
 */
public final class BoxTrainer {
    /** Validation also runs on 2×2 mosaics of the valid photos: an epoch is kept for both scales, not one. */
    private static final int VALID_MOSAIC = 2;

    private final TrainOptions o;
    private final PrintStream log;
    private final GarbageClassifier verifier;
    private final Backbone backbone;
    private final BoxDetector start;
    private final TailStart tailStart;

    /** @param verifier the patch classifier the shipped detector rescores boxes with (null: thresholds for boxes alone) */
    public BoxTrainer(TrainOptions o, PrintStream log, GarbageClassifier verifier) {
        this(o, log, verifier, null);
    }

    /** @param backbone frozen pre-trained features to train a {@link BoxHead} on (null: a {@link BoxNet} from scratch) */
    public BoxTrainer(TrainOptions o, PrintStream log, GarbageClassifier verifier, Backbone backbone) {
        this(o, log, verifier, backbone, null, null);
    }

    /**
     * @param start a trained head on the same backbone to fine-tune together with the backbone's deeper layers
     *              ({@link BoxHead#createTuned}); null: a head on the frozen backbone
     * @param tailStart with start, the first of the backbone's layers tuned with it
     */
    public BoxTrainer(TrainOptions o, PrintStream log, GarbageClassifier verifier, Backbone backbone, BoxDetector start, TailStart tailStart) {
        if ((start == null) != (tailStart == null)) throw new IllegalArgumentException("a head to tune and where its tuned layers start go together");
        this.o = o;
        this.log = log;
        this.verifier = verifier;
        this.backbone = backbone;
        this.start = start;
        this.tailStart = tailStart;
    }

    public record Result(BoxDetector model, EvalReport validation, double seconds) {}

    public Result run() throws IOException {
        long t0 = System.nanoTime();
        Nd4j.getRandom().setSeed(o.seed());
        int size = BoxNet.TRAIN_INPUT;
        try (TrainingData data = new TrainingData(o, 32)) {
            List<LabeledImage> valid = data.validForThreshold(o.maxImages());
            log.printf(Locale.ROOT, "data: %d train photos, %d valid photos, %d camera frames%n",
                    data.train().size(), valid.size(), data.cameraFrames().size());
            ComputationGraph net = start != null ? TunedHead.create(o.seed(), o.learningRate(), backbone, start, tailStart)
                    : backbone == null ? BoxNet.create(o.seed(), o.learningRate()) : BoxHead.create(o.seed(), o.learningRate(), backbone.variant());
            Map<String, Object> history = new LinkedHashMap<>();
            BestEpoch best = BestEpoch.none();
            ModelMetadata draft = metadata(0.5, data.fingerprint(), Map.of(), Map.of());
            double greyShare = backbone == null ? 0 : BoxEpoch.HEAD_GREY_SHARE;
            try (ProgressBar pb = new ProgressBarBuilder().setTaskName("train boxes").setInitialMax(1).build()) {
                for (int e = 1; e <= o.epochs(); e++) {
                    double lr = o.learningRate() * (0.05 + 0.95 * 0.5 * (1 + Math.cos(Math.PI * (e - 1) / o.epochs())));
                    net.setLearningRate(lr);
                    if (start != null) TunedHead.slowTail(net, lr);
                    Random rnd = new Random(o.seed() * 1_000 + e);
                    List<Object> items = BoxEpoch.items(data.train(), data.cameraFrames(), o.maxImages(), rnd);
                    int batches = (items.size() + o.batchSize() - 1) / o.batchSize();
                    pb.maxHint((long) o.epochs() * batches);
                    double loss = 0;
                    for (int b = 0; b < batches; b++) {
                        List<BoxTraining.Input> inputs = new ArrayList<>();
                        for (Object it : items.subList(b * o.batchSize(), Math.min(items.size(), (b + 1) * o.batchSize()))) {
                            inputs.add(BoxEpoch.input(it, size, greyShare, rnd));
                        }
                        net.fit(backbone == null ? BoxTraining.batch(inputs, size) : BoxTraining.headBatch(inputs, size, backbone, tailStart));
                        loss += net.score();
                        pb.step();
                        pb.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.3f", e, loss / (b + 1)));
                    }
                    Evaluator ev, evm;
                    try (Backbone tuned = tunedBackbone(net)) {
                        BoxDetector current = asRun(net, tuned, draft, 0.5);
                        ev = new Evaluator(null, current).run(valid, o.seed() + 1, () -> {});
                        evm = new Evaluator(null, current).runMosaic(valid, VALID_MOSAIC, Mosaic.CELL, () -> {});
                    }
                    double thr = ev.thresholdForBestBoxF1();
                    EvalReport r = ev.report("valid", thr, thr);
                    double thrM = evm.thresholdForBestBoxF1();
                    EvalReport rm = evm.report("valid mosaic", thrM, thrM);
                    double f1 = (f1(r) + f1(rm)) / 2;
                    history.put("epoch" + e, Map.of("loss", loss / batches, "val_box_f1", f1(r), "val_box_recall", r.boxRecallIou03(),
                            "val_false_boxes_per_image", r.falseBoxesPerImage(), "threshold", thr,
                            "val_mosaic_box_f1", f1(rm), "val_mosaic_box_recall", rm.boxRecallIou03(),
                            "val_mosaic_false_boxes_per_image", rm.falseBoxesPerImage()));
                    log.printf(Locale.ROOT, "%nepoch %d: loss %.3f, valid box recall %.3f at %.2f false boxes/image (threshold %.2f);"
                            + " 2x2 mosaics %.3f at %.2f (threshold %.2f)%n", e, loss / batches, r.boxRecallIou03(),
                            r.falseBoxesPerImage(), thr, rm.boxRecallIou03(), rm.falseBoxesPerImage(), thrM);
                    best.offer(e, f1, net);
                }
            }
            best.restore(net);
            Validation v = validate(net, valid, draft);
            double det = v.det();
            Map<String, Double> metrics = v.metrics();
            Map<String, Object> training = o.record(best.epoch(), history);
            training.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
            if (backbone != null) {
                training.put(Backbone.NAME_KEY, backbone.variant().fileName());
                training.put(Backbone.SHA_KEY, backbone.sha256());
            }
            if (start != null) {
                training.put(TailStart.METADATA_KEY, tailStart.firstLayer() + "-" + BoxHead.TAIL_LAST);
                training.put("tail_learning_rate_factor", TunedHead.TAIL_LR_FACTOR);
                training.put("started_from_sha256", start.sha256());
            }
            BoxDetector model = new BoxDetector(net, backbone, metadata(det, data.fingerprint(), metrics, training), det);
            log.printf(Locale.ROOT, "best epoch %d: detection threshold %.2f, valid box recall %.3f at %.2f false boxes/image; "
                    + "strict %.2f keeps <= %.2f at recall %.3f%n", best.epoch(), det, v.report().boxRecallIou03(),
                    v.report().falseBoxesPerImage(), v.strict(), o.maxFalseBoxesPerImage(), v.strictReport().boxRecallIou03());
            ModelFiles.write(model.network(), model.metadata(), o.out());
            return new Result(model, v.report(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static ModelMetadata metadata(double det, String fingerprint, Map<String, Double> metrics, Map<String, Object> training) {
        return new ModelMetadata(List.of("background", "garbage"), BoxNet.TRAIN_INPUT, 0, det, det, fingerprint, metrics, training);
    }

    /** The kept epoch's figures on the valid photos: thresholds, strict point, 2×2 mosaics, and with the classifier as verifier. */
    private record Validation(double det, double strict, EvalReport report, EvalReport strictReport, Map<String, Double> metrics) {}

    private Validation validate(ComputationGraph net, List<LabeledImage> valid, ModelMetadata draft) throws IOException {
        try (Backbone tuned = tunedBackbone(net)) {
            BoxDetector runForm = asRun(net, tuned, draft, 0.5);
            Evaluator ev = new Evaluator(null, runForm).run(valid, o.seed() + 1, () -> {});
            double det = ev.thresholdForBestBoxF1();
            double strict = ev.thresholdForFalseBoxes(o.maxFalseBoxesPerImage());
            EvalReport report = ev.report("valid", det, det);
            EvalReport strictReport = ev.report("valid", strict, strict);
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("valid_box_recall_iou0.3", report.boxRecallIou03());
            metrics.put("valid_false_boxes_per_image", report.falseBoxesPerImage());
            metrics.put("valid_image_auroc", report.imageAuroc());
            metrics.put("valid_strict_detection_threshold", strict);
            metrics.put("valid_strict_box_recall_iou0.3", strictReport.boxRecallIou03());
            metrics.put("valid_strict_false_boxes_per_image", strictReport.falseBoxesPerImage());
            EvalReport mosaic = new Evaluator(null, runForm.withThreshold(det))
                    .runMosaic(valid, VALID_MOSAIC, Mosaic.CELL, () -> {}).report("valid mosaic", det, det);
            metrics.put("valid_mosaic2_box_recall_iou0.3", mosaic.boxRecallIou03());
            metrics.put("valid_mosaic2_false_boxes_per_image", mosaic.falseBoxesPerImage());
            metrics.put("valid_mosaic2_strict_box_recall_iou0.3", mosaic.strict().boxRecallIou03());
            if (verifier != null) {
                metrics.putAll(VerifiedCalibration.metrics(runForm.withThreshold(det), verifier, valid, o.seed() + 1, o.maxFalseBoxesPerImage()));
                log.println("with the classifier as verifier: " + VerifiedCalibration.summary(metrics));
            }
            return new Validation(det, strict, report, strictReport, metrics);
        }
    }

    /** For a tuned head, the backbone with its layers written in (validation runs it as the runtime does); else null. */
    private Backbone tunedBackbone(ComputationGraph net) throws IOException {
        return start == null ? null : backbone.withTunedLayers(net);
    }

    /** The network as the runtime runs it: a tuned head in its frozen form on OpenCV's tuned backbone, far faster than DL4J. */
    private BoxDetector asRun(ComputationGraph net, Backbone tuned, ModelMetadata meta, double threshold) {
        return tuned == null ? new BoxDetector(net, backbone, meta, threshold)
                : new BoxDetector(BoxHead.frozenForm(net, backbone.variant()), backbone, tuned, meta, threshold);
    }

    private static double f1(EvalReport r) {
        double rec = r.boxRecallIou03();
        double fp = r.falseBoxesPerImage();
        // precision from recall and false boxes: hits per image = recall * boxes per image
        double boxesPerImage = r.boxes() / (double) Math.max(1, r.images() - r.unreadableImages());
        double hits = rec * boxesPerImage;
        double p = hits + fp == 0 ? 0 : hits / (hits + fp);
        return p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
    }
}
