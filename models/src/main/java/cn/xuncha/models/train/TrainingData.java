package cn.xuncha.models.train;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import cn.xuncha.models.data.LabeledImage;
import cn.xuncha.models.data.Patch;
import cn.xuncha.models.data.PatchSampler;
import cn.xuncha.models.data.PixelBox;
import cn.xuncha.models.data.VideoFrames;
import cn.xuncha.models.data.YoloDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/** Locates the training inputs (failing with the missing path) and cuts fresh augmented patches per epoch. */
public final class TrainingData implements AutoCloseable {

    private static final int NEGATIVES_PER_PHOTO = 4;
    private static final int FRAMES_PER_CLIP = 40;
    private static final int VIDEO_NEGATIVES_PER_EPOCH = 1500;

    final List<LabeledImage> train;
    final List<LabeledImage> valid;
    final List<Path> videos;
    private final List<Mat> frames = new ArrayList<>();
    private final PatchSampler sampler;

    public TrainingData(TrainOptions o, int inputSize) throws IOException {
        requireDir(o.dataset().resolve("train").resolve("images"));
        requireDir(o.dataset().resolve("valid").resolve("images"));
        requireDir(o.cameras());
        train = YoloDataset.split(o.dataset().resolve("train"));
        valid = YoloDataset.split(o.dataset().resolve("valid"));
        try (Stream<Path> s = Files.list(o.cameras())) {
            videos = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(avi|mp4|mkv|mov)"))
                    .sorted().toList();
        }
        if (videos.isEmpty()) throw new IOException("no video clips (*.avi, *.mp4, ...) in " + o.cameras().toAbsolutePath());
        for (Path v : videos) frames.addAll(VideoFrames.sample(v, FRAMES_PER_CLIP));
        sampler = new PatchSampler(inputSize);
    }

    public List<LabeledImage> train() {
        return train;
    }

    /** Decoded fixed-camera frames (no garbage in them): background-only training inputs. */
    public List<Mat> cameraFrames() {
        return frames;
    }

    public String fingerprint() throws IOException {
        Fingerprint f = new Fingerprint();
        for (LabeledImage li : concat(train, valid)) f.add(List.of(li.image(), li.labels()));
        return f.add(videos).hex();
    }

    /** Shuffled augmented patches for one epoch; deterministic for a given random generator. */
    public List<Patch> epoch(Random rnd, int maxImages) throws IOException {
        List<LabeledImage> order = new ArrayList<>(train);
        Collections.shuffle(order, rnd);
        if (maxImages > 0 && maxImages < order.size()) order = order.subList(0, maxImages);
        List<Patch> out = new ArrayList<>();
        for (LabeledImage li : order) {
            try (Mat img = imread(li.image().toString())) {
                if (img == null || img.empty()) throw new IOException("unreadable training image: " + li.image());
                out.addAll(sampler.training(img, YoloDataset.boxes(li, img.cols(), img.rows()), NEGATIVES_PER_PHOTO, rnd));
            }
        }
        int videoNegatives = (int) Math.round(VIDEO_NEGATIVES_PER_EPOCH * order.size() / (double) train.size());
        for (int i = 0; i < videoNegatives; i++) {
            Mat f = frames.get(rnd.nextInt(frames.size()));
            for (PixelBox w : sampler.negativeWindows(f, List.of(), 1, false, rnd)) out.add(sampler.cut(f, w, 0, rnd));
        }
        Collections.shuffle(out, rnd);
        return out;
    }

    /** The valid split (a fixed subset of it for quick trial runs with an image limit). */
    public List<LabeledImage> validForThreshold(int maxImages) {
        return maxImages > 0 && maxImages < valid.size() ? valid.subList(0, maxImages) : valid;
    }

    /** Fixed, un-augmented validation patches (bag crops and strictly background windows). */
    public List<Patch> validationPatches(long seed, int maxImages) throws IOException {
        Random rnd = new Random(seed);
        List<Patch> out = new ArrayList<>();
        for (LabeledImage li : validForThreshold(maxImages)) {
            try (Mat img = imread(li.image().toString())) {
                if (img == null || img.empty()) continue;
                out.addAll(sampler.validation(img, YoloDataset.boxes(li, img.cols(), img.rows()), 5, rnd));
            }
        }
        return out;
    }

    static void requireDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) throw new MissingDataException(p);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    @Override
    public void close() {
        frames.forEach(Mat::close);
    }
}
