package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.flip;

import cn.xuncha.models.FeatureVerifier;
import cn.xuncha.models.FeatureVerifierNet;
import cn.xuncha.models.ModelFiles;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.MultiScaleProposer;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.boxes.Backbone;
import cn.xuncha.models.boxes.BoxDetector;
import cn.xuncha.models.boxes.CropFeatures;
import cn.xuncha.models.train.ProposalCrops.Proposal;
import cn.xuncha.models.data.Augmenter;
import cn.xuncha.models.data.BoxDeltas;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.eval.Auroc;
import cn.xuncha.models.eval.Evaluator;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Trains {@link FeatureVerifier} on the box head's own proposals at its training scale and 1.5x
 * ({@link MultiScaleProposer}, {@link MinedProposals}, cut at 96 px), to predict each proposal's best IoU with a bag
 * and, for proposals on a bag, the deltas onto it.
 * Each train crop's features, from the network the head reads (a tuned head's layers included), are computed once as
 * cut and once mirrored with photometric augmentation, then the small network is fitted on those vectors (fast: that
 * network is frozen here). The epoch whose scores best rank the valid proposals that count as hits (IoU >= 0.3) is
 * kept, and the two-stage thresholds are set on the valid photos ({@link VerifiedCalibration}).
 */
public final class FeatureVerifierTrainer {
    private static final int FEATURE_BATCH = 64;
    /** A proposal counts as found garbage at this IoU, as in eval: epochs are chosen on that ranking. */
    private static final double HIT_IOU = 0.3;
    /**
     * Grids of both maps (valid+test strict recall 0.732 → 0.742 over the coarse layout, session 15) and a pooled crop
     * of the box's surroundings (0.751 → 0.780, and higher on the test photos, far garbage and dark photos: session 23).
     */
    static final CropFeatures.Layout LAYOUT = CropFeatures.Layout.CONTEXT;
    /**
     * Share of the augmented copies made grey: cameras switch to infrared at night, and grey photos lost 29 % of
     * the recall at the default threshold with a verifier that had only seen colour (models/README, session 17).
     */
    static final double GREY_SHARE = 0.3;
    private final TrainOptions o;
    private final int members;
    private final PrintStream log;

    /** A trainer of a verifier network holding this many members ({@link FeatureVerifierNet#create}). */
    public FeatureVerifierTrainer(TrainOptions o, int members, PrintStream log) {
        this.o = o;
        this.members = members;
        this.log = log;
    }

    public record Result(FeatureVerifier model, Map<String, Double> metrics, double seconds) {}

    /** Trains on the head's proposals at these shorter sides (its input pixels), the sides the verifier then runs at. */
    public Result run(BoxDetector boxes, List<Integer> sides) throws IOException {
        if (boxes.backbone() == null) throw new IOException(boxes.description() + " has no pre-trained backbone to take features from");
        String bad = sidesError(sides);
        if (bad != null) throw new IllegalArgumentException(bad);
        long t0 = System.nanoTime();
        MultiScaleProposer proposer = new MultiScaleProposer(boxes, sides);
        return run(proposer, MinedProposals.mine(o, proposer, FeatureVerifier.CROP, LAYOUT.contextPad(), log), t0);
    }

    /** The head at its training scale and 1.5x: the proposals a verifier learns on and runs on unless told others. */
    public static List<Integer> defaultSides(BoxDetector boxes) {
        return List.of(boxes.inputSize(), boxes.inputSize() * 3 / 2);
    }

    /** What is wrong with a list of proposal sides (the head takes multiples of 32, 64 to 1024 px, each once), else null. */
    public static String sidesError(List<Integer> sides) {
        if (sides.isEmpty()) return "--proposal-sides: give at least one side";
        for (int s : sides) {
            if (s < 64 || s > 1024 || s % 32 != 0) return "--proposal-sides: " + s + " is not a multiple of 32 from 64 to 1024";
        }
        if (sides.stream().distinct().count() < sides.size()) return "--proposal-sides: " + sides + " names a side twice";
        return null;
    }

    /** Trains on proposals already mined with this proposer (started at nanoTime t0). */
    Result run(MultiScaleProposer proposer, MinedProposals mined, long t0) throws IOException {
        BoxDetector boxes = proposer.boxes();
        // the head's own network: for a tuned head, the features its tuned layers learned for bags (as the head sees them)
        Backbone backbone = boxes.headBackbone();
        List<Integer> sides = proposer.shortSides();
        Nd4j.getRandom().setSeed(o.seed());
        long bags = mined.checkBothClasses();
        Random rnd = new Random(o.seed());
        List<Proposal> train = withMirrors(mined.train(), rnd);
        INDArray xTrain = features(backbone, train, LAYOUT, "features train"), xValid = features(backbone, mined.valid(), LAYOUT, "features valid");
        Targets yTrain = Targets.of(train, xTrain);
        int[] validHits = mined.valid().stream().mapToInt(p -> p.iou() >= HIT_IOU ? 1 : 0).toArray();
        log.printf(Locale.ROOT, "proposal crops at %s px: %d train (%d bags; and as many mirrored), %d valid; %d features each%n",
                sides, mined.train().size(), bags, mined.valid().size(), xTrain.size(1));
        ComputationGraph net = FeatureVerifierNet.create(o.seed(), (int) xTrain.size(1), o.learningRate(), members);
        FeatureVerifier draft = new FeatureVerifier(net, backbone, null, LAYOUT);
        BestEpoch best = BestEpoch.none();
        Map<String, Object> history = new LinkedHashMap<>();
        for (int e = 1; e <= o.epochs(); e++) {
            net.setLearningRate(o.learningRate() * 0.5 * (1 + Math.cos(Math.PI * (e - 1) / o.epochs())));
            fitEpoch(net, xTrain, yTrain, o.batchSize(), rnd);
            double auc = Auroc.of(draft.scoreFeatures(xValid), validHits);
            history.put("epoch" + e, Map.of("val_proposal_auroc", auc));
            log.printf(Locale.ROOT, "epoch %d valid proposal AUROC %.4f%n", e, auc);
            best.offer(e, auc, net);
        }
        best.restore(net);
        log.printf(Locale.ROOT, "kept epoch %d (valid proposal AUROC %.4f)%n", best.epoch(), best.score());
        Map<String, Double> metrics = VerifiedCalibration.metrics(new Evaluator(null, new VerifiedDetector(proposer, draft, 0.5))
                .run(mined.validPhotos(), o.seed() + 1, () -> {}), o.maxFalseBoxesPerImage());
        metrics.put("valid_proposal_auroc", best.score());
        Map<String, Object> training = o.record(best.epoch(), history);
        training.put(VerifiedDetector.BOX_MODEL_KEY, boxes.sha256());
        training.put(Backbone.NAME_KEY, backbone.variant().fileName());
        training.put(Backbone.SHA_KEY, boxes.backbone().sha256());
        training.put(FeatureVerifier.FEATURES_FROM_KEY, FeatureVerifier.FROM_HEAD);
        training.put(FeatureVerifier.SIDES_KEY, sides);
        training.put(CropFeatures.LAYOUT_KEY, LAYOUT.recordName());
        training.put("members", members);
        training.put("seconds", Math.round((System.nanoTime() - t0) / 1e9));
        double det = metrics.get(VerifiedDetector.THRESHOLD_METRIC);
        ModelMetadata meta = new ModelMetadata(List.of("background", "garbage"), FeatureVerifier.CROP,
                PatchSampler.CROP_PAD, det, det, boxes.metadata().dataFingerprint(), metrics, training);
        ModelFiles.write(net, meta, o.out());
        return new Result(new FeatureVerifier(net, backbone, meta), metrics, (System.nanoTime() - t0) / 1e9);
    }

    /** The crops and, after them, each one mirrored with photometric augmentation (same IoU and aspect). */
    static List<Proposal> withMirrors(List<Proposal> crops, Random rnd) {
        List<Proposal> out = new ArrayList<>(crops);
        for (Proposal p : crops) {
            double[] delta = p.delta() == null ? null : BoxDeltas.mirrored(p.delta());
            if (p.context() == null) {
                out.add(new Proposal(mirroredAugmented(p.bgr(), rnd), p.iou(), p.aspect(), delta));
            } else {
                // the crop and its context get the same photometric draws, as one frame would
                long s = rnd.nextLong();
                out.add(new Proposal(mirroredAugmented(p.bgr(), new Random(s)), p.iou(), p.aspect(), delta,
                        mirroredAugmented(p.context(), new Random(s))));
            }
        }
        return out;
    }

    /** The targets of both outputs and the box output's mask, as rows aligned with the crops' feature rows. */
    record Targets(INDArray iou, INDArray delta, INDArray mask) {
        static Targets of(List<Proposal> crops, INDArray features) {
            int n = crops.size();
            INDArray iou = Nd4j.zeros(features.dataType(), n, 1), delta = Nd4j.zeros(features.dataType(), n, 4);
            INDArray mask = Nd4j.zeros(features.dataType(), n, 4);
            for (int i = 0; i < n; i++) {
                Proposal p = crops.get(i);
                iou.putScalar(i, 0, p.iou());
                if (p.delta() == null) continue;
                for (int k = 0; k < 4; k++) {
                    delta.putScalar(i, k, p.delta()[k]);
                    mask.putScalar(i, k, 1);
                }
            }
            return new Targets(iou, delta, mask);
        }
    }

    /** One pass over the rows in a shuffled order, in mini-batches. */
    static void fitEpoch(ComputationGraph net, INDArray x, Targets y, int batch, Random rnd) {
        int n = (int) x.size(0), members = FeatureVerifierNet.members(net);
        int[] order = shuffled(n, rnd);
        for (int s = 0; s < n; s += batch) {
            int[] rows = Arrays.copyOfRange(order, s, Math.min(n, s + batch));
            INDArray xb = x.getRows(rows), iou = y.iou().getRows(rows), delta = y.delta().getRows(rows), mask = y.mask().getRows(rows);
            // every member learns the same targets
            INDArray[] labels = new INDArray[2 * members], masks = new INDArray[2 * members];
            for (int k = 0; k < members; k++) {
                labels[2 * k] = iou;
                labels[2 * k + 1] = delta;
                masks[2 * k + 1] = mask;
            }
            try {
                net.fit(new MultiDataSet(new INDArray[] {xb}, labels, null, masks));
            } finally {
                // the copies live off-heap and would otherwise wait for a collection of the Java heap to be freed
                for (INDArray a : new INDArray[] {xb, iou, delta, mask}) a.close();
            }
        }
    }

    /** Feature rows of 96-px proposal crops in this layout (with a progress bar named task), filled into one array. */
    static INDArray features(Backbone backbone, List<Proposal> crops, CropFeatures.Layout layout, String task) {
        // filled in place rather than stacked at the end, which would hold every row twice (1.2 GB on the fine layout)
        INDArray out = Nd4j.create(DataType.FLOAT, crops.size(), FeatureVerifierNet.inputs(backbone.variant(), layout));
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName(task).setInitialMax(crops.size()).build()) {
            for (int s = 0; s < crops.size(); s += FEATURE_BATCH) {
                List<Proposal> chunk = crops.subList(s, Math.min(crops.size(), s + FEATURE_BATCH));
                List<Mat> mats = new ArrayList<>(), contexts = new ArrayList<>();
                try {
                    for (Proposal p : chunk) mats.add(mat(p.bgr()));
                    long cut = chunk.stream().filter(p -> p.context() != null).count();
                    // all or none: contexts made from the crops would silently replace the ones cut from the frame
                    if (cut != 0 && cut != chunk.size()) throw new IllegalArgumentException("proposal crops " + s + ".."
                            + (s + chunk.size() - 1) + ": " + cut + " of " + chunk.size() + " carry a context crop; all or none must");
                    for (Proposal p : chunk) if (p.context() != null) contexts.add(mat(p.context()));
                    double[] logAspects = chunk.stream().mapToDouble(p -> FeatureVerifierNet.logAspect(p.aspect(), 1)).toArray();
                    try (INDArray rows = FeatureVerifierNet.features(backbone, mats, cut > 0 ? contexts : null, logAspects, layout)) {
                        out.get(NDArrayIndex.interval(s, s + chunk.size()), NDArrayIndex.all()).assign(rows);
                    }
                } finally {
                    mats.forEach(Mat::close);
                    contexts.forEach(Mat::close);
                }
                pb.stepBy(chunk.size());
            }
        }
        return out;
    }

    private static byte[] mirroredAugmented(byte[] bgr, Random rnd) {
        try (Mat m = mat(bgr); Mat f = new Mat()) {
            flip(m, f, 1);
            byte[] px = Augmenter.applyKeepingGeometry(f, rnd, true);
            if (rnd.nextDouble() < GREY_SHARE) Augmenter.grey(px);
            return px;
        }
    }

    private static Mat mat(byte[] bgr) {
        Mat m = new Mat(FeatureVerifier.CROP, FeatureVerifier.CROP, CV_8UC3);
        m.data().put(bgr);
        return m;
    }

    /** 0..n-1 in a shuffled order (Collections.shuffle: the same draws for the same generator). */
    private static int[] shuffled(int n, Random rnd) {
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, rnd);
        return order.stream().mapToInt(Integer::intValue).toArray();
    }
}
