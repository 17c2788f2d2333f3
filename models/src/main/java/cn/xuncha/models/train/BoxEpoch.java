package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.boxes.BoxTraining;
import cn.xuncha.models.data.Augmenter;
import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.data.YoloDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One epoch of box-detector inputs: every training photo once, background-only camera frames, half of them grouped
 * by four into 2×2 mosaics so that garbage is also seen at half its usual size, as from a camera further away.
 */
final class BoxEpoch {
    /** Background-only inputs per epoch, as a fraction of the training photos. */
    static final double CAMERA_NEGATIVES = 0.15;
    /** Share of an epoch's photos and frames that go into 2×2 mosaics. */
    static final double MOSAIC_SHARE = 0.5;
    /**
     * Share of a head's inputs made grey, as a camera in infrared night mode sends them: the same share of all crops
     * that its feature verifier sees grey (its grey share of the augmented half, so 15 %). A model from scratch keeps
     * colour only, so that its committed weights still come out of the same seed.
     */
    static final double HEAD_GREY_SHARE = FeatureVerifierTrainer.GREY_SHARE / 2;

    private BoxEpoch() {}

    /**
     * Training photos (LabeledImage) and camera frames (Mat) in a seeded order, a share of them grouped by four
     * (List) into mosaic inputs.
     */
    static List<Object> items(List<LabeledImage> train, List<Mat> cameraFrames, int maxImages, Random rnd) {
        List<LabeledImage> photos = new ArrayList<>(train);
        Collections.shuffle(photos, rnd);
        if (maxImages > 0 && maxImages < photos.size()) photos = photos.subList(0, maxImages);
        List<Object> items = new ArrayList<>(photos);
        int negatives = (int) Math.round(CAMERA_NEGATIVES * photos.size());
        for (int i = 0; i < negatives && !cameraFrames.isEmpty(); i++) {
            items.add(cameraFrames.get(rnd.nextInt(cameraFrames.size())));
        }
        Collections.shuffle(items, rnd);
        int grouped = (int) Math.round(items.size() * MOSAIC_SHARE) / 4 * 4;
        List<Object> out = new ArrayList<>(items.subList(grouped, items.size()));
        for (int i = 0; i < grouped; i += 4) out.add(List.copyOf(items.subList(i, i + 4)));
        Collections.shuffle(out, rnd);
        return out;
    }

    /** The input for one item: a single window, or a mosaic for a group; greyShare of them made grey (0: none). */
    static BoxTraining.Input input(Object item, int size, double greyShare, Random rnd) throws IOException {
        BoxTraining.Input in = colourInput(item, size, rnd);
        // no draw at all when off, so the random sequence of a colour-only recipe is unchanged
        if (greyShare > 0 && rnd.nextDouble() < greyShare) Augmenter.grey(in.bgr());
        return in;
    }

    private static BoxTraining.Input colourInput(Object item, int size, Random rnd) throws IOException {
        List<?> parts = item instanceof List<?> group ? group : List.of(item);
        List<Mat> imgs = new ArrayList<>();
        List<List<PixelBox>> truths = new ArrayList<>();
        try {
            for (Object part : parts) {
                if (part instanceof Mat frame) {
                    imgs.add(new Mat(frame)); // a header on the shared camera frame: closing it keeps the frame
                    truths.add(List.of());
                } else {
                    LabeledImage li = (LabeledImage) part;
                    Mat img = read(li);
                    imgs.add(img);
                    truths.add(YoloDataset.boxes(li, img.cols(), img.rows()));
                }
            }
            return imgs.size() == 1 ? BoxTraining.cut(imgs.get(0), truths.get(0), size, rnd)
                    : BoxTraining.mosaic(imgs, truths, size, rnd);
        } finally {
            imgs.forEach(Mat::close);
        }
    }

    private static Mat read(LabeledImage li) throws IOException {
        Mat img = imread(li.image().toString());
        if (img == null || img.empty()) {
            if (img != null) img.close();
            throw new IOException("unreadable training image: " + li.image());
        }
        return img;
    }
}
