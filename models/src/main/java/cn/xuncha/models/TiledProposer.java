package cn.xuncha.models;

import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Proposals on a large frame at two scales: the whole frame (large objects) plus overlapping tiles of about the
 * size the box model was trained at (small, far objects). A wide camera frame scaled down to the model's input
 * leaves a bag a few pixels wide; each tile is scaled as a training photo was, so far garbage keeps its detail.
 * Frames whose shorter side is below {@link #MIN_SHORT_SIDE}, and close-ups ({@link #closeUp}), are proposed on as
 * they are.
 */
public final class TiledProposer implements BoxProposer {
    /** Tile side in original pixels: the training photos were 640 px; a little more keeps bags on tile seams whole. */
    static final int TILE = 720;
    /** Neighbouring tiles share at least a fifth of a tile, so an object up to 144 px lies whole in one. */
    static final double OVERLAP = 0.2;
    /** Below this the whole-frame pass already sees bags near training scale (e.g. 1280x720: 2.8x, as photos). */
    static final int MIN_SHORT_SIDE = 900;
    /** A tile's box this close (px) to a seam shared with another tile is cut there: that tile or the frame has it. */
    private static final double SEAM_MARGIN = 4;
    /** A whole-frame proposal this confident ... */
    static final double CLOSE_UP_SCORE = 0.5;
    /** ... whose shorter side is this share of the frame's shorter side (80 px at the head's 384-px pass) makes a close-up. */
    static final double CLOSE_UP_SIDE = 80.0 / 384;

    private final BoxProposer inner;

    public TiledProposer(BoxProposer inner) {
        this.inner = inner;
    }

    /** The wrapped proposer (for descriptions). */
    public BoxProposer inner() {
        return inner;
    }

    @Override
    public DetectionResult proposals(Mat bgr) {
        DetectionResult whole = inner.proposals(bgr);
        List<Rect> tiles = tiles(bgr.cols(), bgr.rows());
        if (tiles.isEmpty() || closeUp(whole, bgr.cols(), bgr.rows())) return whole;
        List<Detection> all = new ArrayList<>(whole.detections());
        double max = whole.maxScore();
        for (Rect t : tiles) {
            try (Mat tile = new Mat(bgr, t)) {
                DetectionResult r = inner.proposals(tile);
                max = Math.max(max, r.maxScore());
                for (Detection d : r.detections()) {
                    if (!cutBySeam(d.box(), t, bgr.cols(), bgr.rows())) all.add(moved(d, t));
                }
            } finally {
                t.close();
            }
        }
        return new DetectionResult(max, all);
    }

    /**
     * Whether the whole-frame pass already found garbage large in the frame: a close-up, whose tiles would show parts of
     * big bags at the scale the head learned whole bags at, and propose boxes on those parts. On valid+test photos
     * enlarged 3x, tiling every large frame gave 2.54 false boxes per image at the default threshold and 0.673 recall
     * within 0.5 (0.780 untiled); with this choice 0.49 and 0.771, while 3x3 mosaics of far bags keep most of what
     * tiles add (0.336 within 0.5; 0.355 always tiled, 0.268 never) and 2x2 mosaics gain (0.523; 0.518, 0.501).
     */
    static boolean closeUp(DetectionResult whole, int width, int height) {
        double near = CLOSE_UP_SIDE * Math.min(width, height);
        return whole.detections().stream()
                .anyMatch(d -> d.score() >= CLOSE_UP_SCORE && Math.min(d.box().w(), d.box().h()) >= near);
    }

    /** The tile grid for a frame of this size; empty when the frame is small enough for one pass. */
    static List<Rect> tiles(int width, int height) {
        List<Rect> out = new ArrayList<>();
        if (Math.min(width, height) < MIN_SHORT_SIDE) return out;
        int[] xs = offsets(width), ys = offsets(height);
        int tw = Math.min(TILE, width), th = Math.min(TILE, height);
        for (int y : ys) {
            for (int x : xs) out.add(new Rect(x, y, tw, th));
        }
        return out;
    }

    /** Evenly spaced tile origins covering [0, length) with at least {@link #OVERLAP} shared between neighbours. */
    static int[] offsets(int length) {
        if (length <= TILE) return new int[] {0};
        int n = (int) Math.ceil((length - TILE) / (TILE * (1 - OVERLAP))) + 1;
        int[] o = new int[n];
        for (int i = 0; i < n; i++) o[i] = (int) Math.round(i * (length - TILE) / (double) (n - 1));
        return o;
    }

    /** Whether the box touches a tile edge that lies inside the frame (it continues into the next tile). */
    static boolean cutBySeam(PixelBox b, Rect t, int width, int height) {
        boolean left = t.x() > 0 && b.x() <= SEAM_MARGIN;
        boolean top = t.y() > 0 && b.y() <= SEAM_MARGIN;
        boolean right = t.x() + t.width() < width && b.x() + b.w() >= t.width() - SEAM_MARGIN;
        boolean bottom = t.y() + t.height() < height && b.y() + b.h() >= t.height() - SEAM_MARGIN;
        return left || top || right || bottom;
    }

    private static Detection moved(Detection d, Rect t) {
        PixelBox b = d.box();
        return new Detection(d.category(), d.score(), new PixelBox(b.x() + t.x(), b.y() + t.y(), b.w(), b.h()));
    }
}
