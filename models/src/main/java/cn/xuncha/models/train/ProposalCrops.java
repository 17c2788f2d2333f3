package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.BoxProposer;
import cn.xuncha.models.Detection;
import cn.xuncha.models.VerifiedDetector;
import cn.xuncha.models.data.BoxDeltas;
import cn.xuncha.models.data.Crops;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.data.YoloDataset;
import cn.xuncha.models.eval.Mosaic;
import cn.xuncha.models.net.MatTensors;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The box detector's own proposals, cut as the verifier sees them at run time, each with its best IoU with a bag.
 * As labelled patches ({@link #crops}): a bag if IoU >= {@link #BAG_IOU}, background if below
 * {@link #BACKGROUND_IOU}, skipped between (a loose box on a bag is neither a clean yes nor a clean no). Sources: labelled photos, 2×2 mosaics of them (bags at half size, as
 * a point camera further away sees them) and garbage-free camera frames (every proposal there is a false one).
 */
final class ProposalCrops {
    static final double BAG_IOU = 0.4;
    static final double BACKGROUND_IOU = 0.2;

    private final BoxProposer proposer;
    private final int size;
    private final double contextPad;
    private final List<Proposal> out = new ArrayList<>();

    /** Proposals at least this close to a bag learn to move onto it (box refinement); farther ones are not a bag's box. */
    static final double REFINE_IOU = 0.2;

    /**
     * One proposal: its crop (BGR bytes), its best IoU with a labelled bag (0 without), its box's width / height, and
     * the deltas onto that bag ({@link BoxDeltas}), null below {@link #REFINE_IOU}, and its context crop (BGR bytes at
     * the same size, the box's surroundings), null when the verifier takes none.
     */
    record Proposal(byte[] bgr, double iou, double aspect, double[] delta, byte[] context) {
        Proposal(byte[] bgr, double iou, double aspect, double[] delta) {
            this(bgr, iou, aspect, delta, null);
        }

        /** 1 bag, 0 background, -1 ambiguous (see the class comment). */
        int label() {
            return iou >= BAG_IOU ? 1 : iou < BACKGROUND_IOU ? 0 : -1;
        }
    }

    ProposalCrops(BoxProposer proposer, int size) {
        this(proposer, size, 0);
    }

    /** Also cuts each proposal's context crop, a square of contextPad times its longer side (none if 0). */
    ProposalCrops(BoxProposer proposer, int size, double contextPad) {
        this.proposer = proposer;
        this.size = size;
        this.contextPad = contextPad;
    }

    /** Every proposal, ambiguous ones included. */
    List<Proposal> proposals() {
        return out;
    }

    /** The proposals as labelled patches, ambiguous ones left out. */
    List<Patch> crops() {
        return patches(out);
    }

    static List<Patch> patches(List<Proposal> proposals) {
        return proposals.stream().filter(p -> p.label() >= 0).map(p -> new Patch(p.bgr(), p.label())).toList();
    }

    ProposalCrops photos(List<LabeledImage> images, Runnable onImage) throws IOException {
        for (LabeledImage li : images) {
            try (Mat img = imread(li.image().toString())) {
                if (img == null || img.empty()) throw new IOException("unreadable training image: " + li.image());
                add(img, YoloDataset.boxes(li, img.cols(), img.rows()));
            }
            onImage.run();
        }
        return this;
    }

    ProposalCrops mosaics(List<LabeledImage> images, Runnable onFrame) throws IOException {
        for (List<LabeledImage> group : Mosaic.groups(images, 2)) {
            Mosaic.Frame f = Mosaic.compose(group, 2, Mosaic.CELL);
            if (f == null) throw new IOException("unreadable training image in " + group);
            try (f) {
                add(f.image(), f.truth());
            }
            onFrame.run();
        }
        return this;
    }

    ProposalCrops backgrounds(List<Mat> frames, Runnable onFrame) {
        for (Mat f : frames) {
            add(f, List.of());
            onFrame.run();
        }
        return this;
    }

    /** The same top proposals {@link VerifiedDetector} rescores, with their overlap. */
    private void add(Mat img, List<PixelBox> bags) {
        List<Detection> top = proposer.proposals(img).detections().stream()
                .sorted(Comparator.comparingDouble(Detection::score).reversed())
                .limit(VerifiedDetector.MAX_PROPOSALS).toList();
        for (Detection d : top) {
            PixelBox bag = bestBag(d.box(), bags);
            double iou = bag == null ? 0 : d.box().iou(bag);
            double[] delta = iou >= REFINE_IOU ? BoxDeltas.between(d.box(), bag) : null;
            try (Mat crop = Crops.window(img, d.box().squareAround(PatchSampler.CROP_PAD), size)) {
                out.add(new Proposal(MatTensors.bytes(crop), iou, d.box().w() / d.box().h(), delta, context(img, d.box())));
            }
        }
    }

    private byte[] context(Mat img, PixelBox box) {
        if (contextPad <= 0) return null;
        try (Mat c = Crops.window(img, box.squareAround(contextPad), size)) {
            return MatTensors.bytes(c);
        }
    }

    /** 1 bag, 0 background, -1 ambiguous. */
    static int label(PixelBox box, List<PixelBox> bags) {
        PixelBox bag = bestBag(box, bags);
        return new Proposal(null, bag == null ? 0 : box.iou(bag), 1, null).label();
    }

    /** The bag this box overlaps most, or null if none. */
    static PixelBox bestBag(PixelBox box, List<PixelBox> bags) {
        PixelBox best = null;
        double bestIou = 0;
        for (PixelBox b : bags) {
            double iou = box.iou(b);
            if (iou > bestIou) {
                best = b;
                bestIou = iou;
            }
        }
        return best;
    }
}
