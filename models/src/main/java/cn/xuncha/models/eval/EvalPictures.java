package cn.xuncha.models.eval;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * One picture per evaluated frame showing what the figures count ({@code eval --pictures DIR}), so a person can see
 * whether a "false" box is a detector's mistake or garbage the labels left out: labelled bags found (green) and missed
 * (yellow), detections that matched one (thin blue), and false boxes by where they lie: off the bags (red), on bags
 * but fitting none (orange), a second box on a found bag (magenta), each with its score. An index.csv lists the counts
 * per frame.
 */
public final class EvalPictures {
    public static final String INDEX = "index.csv";
    private static final Scalar FOUND = new Scalar(0, 200, 0, 0), MISSED = new Scalar(0, 230, 255, 0), MATCH = new Scalar(255, 120, 0, 0),
            OFF = new Scalar(0, 0, 255, 0), ON_BAGS = new Scalar(0, 140, 255, 0), SECOND = new Scalar(255, 0, 255, 0);

    private final Path dir;
    private final double threshold;
    private final List<String> rows = new ArrayList<>();

    /** Pictures of detections scoring >= threshold, written into dir (created if missing). */
    public EvalPictures(Path dir, double threshold) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.threshold = threshold;
        rows.add("picture,image,bags,found,missed,false_off_bags,false_on_bags,false_on_found_bag");
    }

    /** Draws one frame's outcome on a copy of the frame it was computed on and writes it as the next picture. */
    public void add(ImageOutcome o, Mat frame) throws IOException {
        String name = String.format(Locale.ROOT, "%04d-%s.jpg", rows.size(), baseName(o.image()));
        boolean[] found = o.found(threshold, Evaluator.BOX_IOU);
        List<ImageOutcome.Place> places = o.places(threshold, Evaluator.BOX_IOU);
        int[] count = new int[ImageOutcome.Place.values().length];
        try (Mat m = frame.clone()) {
            int thick = Math.max(2, m.cols() / 400);
            for (int j = 0; j < places.size(); j++) {
                ImageOutcome.Place p = places.get(j);
                if (p == null) continue;
                count[p.ordinal()]++;
                Detection d = o.candidates().get(j);
                box(m, d.box(), colour(p), p == ImageOutcome.Place.MATCHED ? 1 : thick, String.format(Locale.ROOT, "%.2f", d.score()));
            }
            // labels last, so a matching detection's thin line does not hide whether its bag counts as found
            for (int i = 0; i < found.length; i++) box(m, o.truth().get(i), found[i] ? FOUND : MISSED, thick + 1, null);
            if (!imwrite(dir.resolve(name).toString(), m)) throw new IOException("cannot write picture " + dir.resolve(name));
        }
        int bags = found.length, hits = count[ImageOutcome.Place.MATCHED.ordinal()];
        rows.add(String.join(",", name, csv(o.image()), "" + bags, "" + hits, "" + (bags - hits), "" + count[ImageOutcome.Place.OFF_BAGS.ordinal()],
                "" + count[ImageOutcome.Place.ON_BAGS.ordinal()], "" + count[ImageOutcome.Place.ON_FOUND_BAG.ordinal()]));
    }

    /** Pictures written so far. */
    public int size() {
        return rows.size() - 1;
    }

    /** Writes index.csv (one row per picture) and returns its path. */
    public Path finish() throws IOException {
        return Files.write(dir.resolve(INDEX), rows);
    }

    private static Scalar colour(ImageOutcome.Place p) {
        return switch (p) {
            case MATCHED -> MATCH;
            case OFF_BAGS -> OFF;
            case ON_BAGS -> ON_BAGS;
            case ON_FOUND_BAG -> SECOND;
        };
    }

    private static void box(Mat m, PixelBox b, Scalar c, int thickness, String label) {
        Point p0 = new Point((int) Math.round(b.x()), (int) Math.round(b.y()));
        rectangle(m, p0, new Point((int) Math.round(b.x() + b.w()), (int) Math.round(b.y() + b.h())), c, thickness, LINE_AA, 0);
        if (label != null) {
            double scale = Math.max(0.4, m.cols() / 1600.0);
            putText(m, label, new Point(p0.x() + 2, Math.max(12, p0.y() - 4)), FONT_HERSHEY_SIMPLEX, scale, c, Math.max(1, thickness / 2), LINE_AA, false);
        }
    }

    /** The image's file name without directories or extension, reduced to characters safe in a file name. */
    static String baseName(String image) {
        String n = image.replaceAll(".*[/\\\\]", "").replaceAll(" \\(mosaic.*\\)$", "");
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        n = n.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        return n.length() > 80 ? n.substring(0, 80) : n;
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
