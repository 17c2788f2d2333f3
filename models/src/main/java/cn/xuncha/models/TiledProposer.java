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
 * Frames whose shorter side is below {@link #MIN_SHORT_SIDE} are proposed on as they are.
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
        if (tiles.isEmpty()) return whole;
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
