package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.GarbageClassifier;
import cn.xuncha.models.ModelMetadata;
import cn.xuncha.models.data.Augmenter;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.eval.Auroc;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Fine-tunes the current model on reviewer-labelled crops. A seeded, stratified quarter is held out; the new model
 * is returned as the winner only if it scores better than the current one on that slice.
 */
public final class ReviewFineTuner {

    /** Scores of both models on the held-out slice (AUROC if both labels present, else accuracy); M the model kind. */
    public record Outcome<M>(M candidate, double currentScore, double candidateScore, String metric,
                          int trainItems, int heldOutItems) {
        public boolean improved() {
            return candidateScore > currentScore;
        }
    }

    static final String TUNED_KEY = "fine_tuned_on_reviews";
    private final long seed;
    private final int epochs;
    private final PrintStream log;

    public ReviewFineTuner(long seed, int epochs, PrintStream log) {
        this.seed = seed;
        this.epochs = epochs;
        this.log = log;
    }

    /** Reviewed crops cut square at a model's input size, a stratified quarter held out, and how to score that quarter. */
    record Split(List<Patch> train, List<Patch> held, int total) {
        /** AUROC when the held-out slice has both labels, else accuracy at the operating threshold. */
        String metric() {
            return held.stream().mapToInt(Patch::label).distinct().count() == 2 ? "auroc" : "accuracy";
        }

        double score(float[] heldScores, double operatingThreshold) {
            int[] labels = held.stream().mapToInt(Patch::label).toArray();
            if (metric().equals("auroc")) return Auroc.of(heldScores, labels);
            int ok = 0;
            for (int i = 0; i < heldScores.length; i++) if ((heldScores[i] >= operatingThreshold) == (labels[i] == 1)) ok++;
            return (double) ok / heldScores.length;
        }

        /** One log line comparing both models on the held-out slice. */
        String summary(double before, double after) {
            return String.format(Locale.ROOT, "held-out %s: current %.4f, fine-tuned %.4f (%d train, %d held out)",
                    metric(), before, after, train.size(), held.size());
        }

        /** What the model's metadata records of this fine-tuning ({@code after} once the candidate is scored). */
        Map<String, Object> record(int epochs, double before, Double after) {
            Map<String, Object> m = new LinkedHashMap<>(Map.of("items", total, "held_out", held.size(), "epochs", epochs,
                    "metric", metric(), "before", before));
            if (after != null) m.put("after", after);
            return m;
        }
    }

    static Split split(List<ReviewSet.Item> items, int size, Random rnd) throws IOException {
        List<Patch> all = new ArrayList<>();
        for (ReviewSet.Item it : items) {
            try (Mat img = imread(it.file().toString())) {
                if (img == null || img.empty()) throw new IOException("unreadable review crop: " + it.file());
                double side = Math.max(img.cols(), img.rows());
                try (Mat c = Crops.window(img, new PixelBox((img.cols() - side) / 2, (img.rows() - side) / 2, side, side), size)) {
                    all.add(new Patch(cn.xuncha.models.net.MatTensors.bytes(c), it.label()));
                }
            }
        }
        List<Patch> train = new ArrayList<>(), held = new ArrayList<>();
        for (int label = 0; label <= 1; label++) {
            int l = label;
            List<Patch> cls = new ArrayList<>(all.stream().filter(p -> p.label() == l).toList());
            Collections.shuffle(cls, rnd);
            int nHeld = cls.size() < 2 ? 0 : Math.max(1, cls.size() / 4);
            held.addAll(cls.subList(0, nHeld));
            train.addAll(cls.subList(nHeld, cls.size()));
        }
        if (held.isEmpty() || train.isEmpty()) {
            throw new IOException("need at least 2 reviewed crops of a label to hold some out (have " + all.size() + ")");
        }
        return new Split(train, held, all.size());
    }

    public Outcome<GarbageClassifier> run(GarbageClassifier current, List<ReviewSet.Item> items) throws IOException {
        int size = current.metadata().inputSize();
        Random rnd = new Random(seed); // one generator for the split and the augmentation: reruns give the same model
        Split split = split(items, size, rnd);
        List<Patch> train = split.train();
        String metric = split.metric();
        double before = score(current, split);
        MultiLayerNetwork net = current.network().clone();
        net.setLearningRate(3e-4);
        for (int e = 0; e < epochs; e++) {
            List<Patch> batch = new ArrayList<>();
            for (Patch p : train) batch.add(new Patch(augment(p.bgr(), size, rnd), p.label()));
            Collections.shuffle(batch, rnd);
            for (int s = 0; s < batch.size(); s += 32) {
                net.fit(PatchBatches.of(batch.subList(s, Math.min(batch.size(), s + 32)), size));
            }
        }
        ModelMetadata m = current.metadata();
        Map<String, Object> training = new LinkedHashMap<>(m.training());
        training.put(TUNED_KEY, split.record(epochs, before, null));
        GarbageClassifier candidate = new GarbageClassifier(net, m.withTraining(training));
        double after = score(candidate, split);
        training.put(TUNED_KEY, split.record(epochs, before, after));
        log.println(split.summary(before, after));
        return new Outcome<>(candidate, before, after, metric, train.size(), split.held().size());
    }

    static byte[] augment(byte[] bgr, int size, Random rnd) {
        try (Mat m = new Mat(size, size, org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            m.data().put(bgr);
            return Augmenter.apply(m, rnd);
        }
    }

    private static double score(GarbageClassifier clf, Split split) {
        float[] s = clf.scoreTensor(cn.xuncha.models.net.MatTensors.batchFromBytes(split.held().stream().map(Patch::bgr).toList(),
                clf.metadata().inputSize()));
        return split.score(s, clf.metadata().operatingThreshold());
    }
}
