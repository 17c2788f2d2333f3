package cn.xuncha.models.train;

import cn.xuncha.models.BoxProposer;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A box model's labelled proposals for training a verifier ({@link ProposalCrops}): train photos, their 2×2 mosaics
 * and camera frames for learning, the valid photos' proposals for epoch selection, and the valid photos themselves
 * for setting the thresholds.
 */
record MinedProposals(List<ProposalCrops.Proposal> train, List<ProposalCrops.Proposal> valid, List<LabeledImage> validPhotos) {

    static MinedProposals mine(TrainOptions o, BoxProposer boxes, int size, PrintStream log) throws IOException {
        return mine(o, boxes, size, 0, log);
    }

    /** As {@link #mine(TrainOptions, BoxProposer, int, PrintStream)}, with context crops of this pad (none if 0). */
    static MinedProposals mine(TrainOptions o, BoxProposer boxes, int size, double contextPad, PrintStream log) throws IOException {
        try (TrainingData data = new TrainingData(o, size)) {
            List<LabeledImage> train = o.maxImages() > 0 && o.maxImages() < data.train.size()
                    ? data.train.subList(0, o.maxImages()) : data.train;
            List<LabeledImage> valid = data.validForThreshold(o.maxImages());
            log.printf(Locale.ROOT, "data: %d train photos, %d valid photos, %d camera frames%n",
                    train.size(), valid.size(), data.cameraFrames().size());
            ProposalCrops t = new ProposalCrops(boxes, size, contextPad);
            try (ProgressBar pb = bar("proposals train", train.size() + (train.size() + 3) / 4 + data.cameraFrames().size())) {
                t.photos(train, pb::step).mosaics(train, pb::step).backgrounds(data.cameraFrames(), pb::step);
            }
            try (ProgressBar pb = bar("proposals valid", valid.size())) {
                return new MinedProposals(t.proposals(), new ProposalCrops(boxes, size, contextPad).photos(valid, pb::step).proposals(), valid);
            }
        }
    }

    /** The train proposals as labelled patches (ambiguous ones left out). */
    List<Patch> trainPatches() {
        return ProposalCrops.patches(train);
    }

    List<Patch> validPatches() {
        return ProposalCrops.patches(valid);
    }

    /** Fails when the proposals hold only one class: a verifier needs both to learn from. */
    long checkBothClasses() throws IOException {
        long bags = train.stream().filter(p -> p.label() == 1).count();
        long background = train.stream().filter(p -> p.label() == 0).count();
        if (bags == 0 || background == 0) {
            throw new IOException("the box model's proposals on the train data gave " + bags + " bag and "
                    + background + " background crops: a verifier needs both to learn from");
        }
        return bags;
    }

    private static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).build();
    }
}
