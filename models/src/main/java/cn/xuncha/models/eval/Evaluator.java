package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.DetectionResult;
import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ImageDetector;
import cn.xuncha.models.SingleImageDetector;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.data.YoloDataset;
import cn.xuncha.models.net.MatTensors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/** Runs the detector and the patch classifier over a YOLO folder and computes the evaluation metrics. */
public final class Evaluator {

    public static final double BOX_IOU = 0.3;
    private static final int NEGATIVES_PER_IMAGE = 5;

    private final GarbageClassifier classifier;
    private final ImageDetector detector;
    private final List<ImageOutcome> outcomes = new ArrayList<>();
    private final List<Patch> patches = new ArrayList<>();
    private int unreadable;
    private double seconds;
    private EvalPictures pictures;
    private Degradation degradation;
    private long degradationSeed;
    private int frames;

    /** Boxes from the classifier's sliding-window scan. */
    public Evaluator(GarbageClassifier classifier) {
        this(classifier, new SingleImageDetector(classifier));
    }

    /** Boxes from detector; patch metrics from classifier (null: box metrics only, for validation during training). */
    public Evaluator(GarbageClassifier classifier, ImageDetector detector) {
        this.classifier = classifier;
        this.detector = detector;
    }

    /** Also draws every frame's outcome into these pictures as it is scored. */
    public Evaluator drawingInto(EvalPictures pictures) {
        this.pictures = pictures;
        return this;
    }

    /** Spoils every frame this way before it is scored (DARK's noise seeded from seed and the frame's index). */
    public Evaluator degrading(Degradation degradation, long seed) {
        this.degradation = degradation;
        this.degradationSeed = seed;
        return this;
    }

    /** Scans every image once (candidates down to the floor) and cuts seeded validation patches. */
    public Evaluator run(List<LabeledImage> images, long seed, Runnable onImage) throws IOException {
        PatchSampler sampler = classifier == null ? null : new PatchSampler(classifier.metadata().inputSize());
        Random rnd = new Random(seed);
        for (LabeledImage li : images) {
            try (Mat read = imread(li.image().toString())) {
                if (read == null || read.empty()) {
                    unreadable++;
                } else {
                    try (Mat img = degraded(read)) {
                        List<PixelBox> truth = YoloDataset.boxes(li, img.cols(), img.rows());
                        score(li.image().toString(), img, truth);
                        if (sampler != null) patches.addAll(sampler.validation(img, truth, NEGATIVES_PER_IMAGE, rnd));
                    }
                }
            }
            onImage.run();
        }
        return this;
    }

    /** Boxes only, on n×n mosaics of the images (cell px each): the same garbage smaller in a wider frame. */
    public Evaluator runMosaic(List<LabeledImage> images, int n, int cell, Runnable onFrame) throws IOException {
        return runMosaic(images, n, cell, 0, onFrame);
    }

    /** {@link #runMosaic(List, int, int, Runnable)} with each frame shrunk to a longer side of at most frameSide px (0: as composed). */
    public Evaluator runMosaic(List<LabeledImage> images, int n, int cell, int frameSide, Runnable onFrame) throws IOException {
        for (List<LabeledImage> group : Mosaic.groups(images, n)) {
            Mosaic.Frame composed = Mosaic.compose(group, n, cell);
            if (composed == null) {
                unreadable++;
            } else {
                try (composed) {
                    Mosaic.Frame f = composed.fittedTo(frameSide);
                    try {
                        score(f);
                    } finally {
                        if (f != composed) f.close();
                    }
                }
            }
            onFrame.run();
        }
        return this;
    }

    /** Scores a composed frame as --degrade spoils it. */
    private void score(Mosaic.Frame f) throws IOException {
        try (Mat img = degraded(f.image())) {
            score(f.name(), img, f.truth());
        }
    }

    /** The frame as --degrade spoils it, else a copy: a new Mat either way, the caller closes it (a copy costs far less than detection). */
    private Mat degraded(Mat frame) {
        return degradation == null ? frame.clone() : degradation.apply(frame, degradationSeed * 1_000_003L + frames++);
    }

    private void score(String name, Mat img, List<PixelBox> truth) throws IOException {
        long t0 = System.nanoTime();
        VerifiedDetector.Stages stages = detector instanceof VerifiedDetector v ? v.detectStages(img) : null;
        DetectionResult r = stages != null ? stages.kept() : detector.detectAll(img);
        seconds += (System.nanoTime() - t0) / 1e9;
        ImageOutcome o = new ImageOutcome(name, truth, r.detections(), r.maxScore(), stages == null ? null : stages.beforeSuppression());
        outcomes.add(o);
        if (pictures != null) pictures.add(o, img);
    }

    public List<ImageOutcome> outcomes() {
        return outcomes;
    }

    public EvalReport report(String dataset, double detThreshold, double opThreshold) {
        float[] patchScores = patchScores();
        int[] patchLabels = patches.stream().mapToInt(Patch::label).toArray();
        int pos = 0, neg = 0, tp = 0, fp = 0;
        float[] imgScores = new float[outcomes.size()];
        int[] imgLabels = new int[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            ImageOutcome o = outcomes.get(i);
            boolean has = !o.truth().isEmpty(), flagged = o.detections(detThreshold) > 0;
            imgScores[i] = (float) o.maxScore();
            imgLabels[i] = has ? 1 : 0;
            if (has) pos++; else neg++;
            if (flagged && has) tp++;
            if (flagged && !has) fp++;
        }
        int n = outcomes.size();
        double strictThr = thresholdForFalseBoxes(EvalReport.FALSE_BOX_BUDGET);
        EvalReport.StrictPoint strict = new EvalReport.StrictPoint(strictThr, boxRecall(strictThr), falseBoxes(strictThr), missed(strictThr),
                falsesByPlace(strictThr));
        return new EvalReport(dataset, n + unreadable, unreadable, truthBoxes(), detThreshold, opThreshold,
                Auroc.of(imgScores, imgLabels), pos, neg, tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp),
                pos == 0 ? Double.NaN : (double) tp / pos, boxRecall(detThreshold), falseBoxes(detThreshold),
                PatchMetrics.of(patchScores, patchLabels, opThreshold), n == 0 ? Double.NaN : seconds / n, strict, curve());
    }

    /** Recall and false boxes every 0.02 from the lowest useful threshold to 0.98. */
    public List<EvalReport.CurvePoint> curve() {
        List<EvalReport.CurvePoint> out = new ArrayList<>();
        for (int t = lowestThresholdPercent(); t <= 98; t += 2) {
            out.add(new EvalReport.CurvePoint(t / 100.0, boxRecall(t / 100.0), falseBoxes(t / 100.0)));
        }
        return out;
    }

    private int truthBoxes() {
        return outcomes.stream().mapToInt(o -> o.truth().size()).sum();
    }

    /** Labelled boxes matched at IoU >= 0.3 by detections scoring >= threshold, over all labelled boxes. */
    public double boxRecall(double threshold) {
        int boxes = truthBoxes();
        return boxes == 0 ? Double.NaN : outcomes.stream().mapToInt(o -> o.matched(threshold, BOX_IOU)).sum() / (double) boxes;
    }

    /** Labelled boxes missed at this threshold, by the stage that lost them; null for a detector without a second stage. */
    public MissedBoxes missed(double threshold) {
        if (outcomes.stream().anyMatch(o -> o.beforeSuppression() == null)) return null;
        return outcomes.stream().map(o -> o.missed(threshold, BOX_IOU)).reduce(MissedBoxes.NONE, MissedBoxes::plus);
    }

    /** The false boxes at this threshold by where they lie (on a found bag, on bags, off bags). */
    public FalseBoxes falsesByPlace(double threshold) {
        return outcomes.stream().map(o -> o.falseBoxes(threshold, BOX_IOU)).reduce(FalseBoxes.NONE, FalseBoxes::plus);
    }

    /** Unmatched detections scoring >= threshold, per image. */
    public double falseBoxes(double threshold) {
        long falses = 0;
        for (ImageOutcome o : outcomes) falses += o.detections(threshold) - o.matched(threshold, BOX_IOU);
        return outcomes.isEmpty() ? Double.NaN : (double) falses / outcomes.size();
    }

    /** Lowest detection threshold keeping false boxes per image within budget (best recall), in [lowest, 0.98]. */
    public double thresholdForFalseBoxes(double maxFalsePerImage) {
        for (int t = lowestThresholdPercent(); t <= 98; t++) {
            if (!outcomes.isEmpty() && falseBoxes(t / 100.0) <= maxFalsePerImage) return t / 100.0;
        }
        return 0.98;
    }

    /** Detection threshold with the best box F1 (IoU >= 0.3) over these images, searched in [lowest, 0.98]. */
    public double thresholdForBestBoxF1() {
        double best = 0.9, bestF1 = -1;
        long truth = outcomes.stream().mapToLong(o -> o.truth().size()).sum();
        for (int t = lowestThresholdPercent(); t <= 98; t++) {
            double thr = t / 100.0;
            long hits = 0, dets = 0;
            for (ImageOutcome o : outcomes) {
                hits += o.matched(thr, BOX_IOU);
                dets += o.detections(thr);
            }
            double p = dets == 0 ? 0 : (double) hits / dets, r = truth == 0 ? 0 : (double) hits / truth;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                best = thr;
            }
        }
        return best;
    }

    private int lowestThresholdPercent() {
        return (int) Math.round(detector.lowestUsefulThreshold() * 100);
    }

    private float[] cachedPatchScores;

    public float[] patchScores() {
        if (cachedPatchScores == null) {
            cachedPatchScores = new float[patches.size()];
            if (classifier == null) return cachedPatchScores;
            int size = classifier.metadata().inputSize();
            for (int s = 0; s < patches.size(); s += 256) {
                List<byte[]> chunk = patches.subList(s, Math.min(patches.size(), s + 256)).stream().map(Patch::bgr).toList();
                float[] p = classifier.scoreTensor(MatTensors.batchFromBytes(chunk, size));
                System.arraycopy(p, 0, cachedPatchScores, s, p.length);
            }
        }
        return cachedPatchScores;
    }

    public int[] patchLabels() {
        return patches.stream().mapToInt(Patch::label).toArray();
    }
}
