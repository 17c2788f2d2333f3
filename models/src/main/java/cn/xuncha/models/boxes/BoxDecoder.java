package cn.xuncha.models.boxes;

import cn.xuncha.models.Detection;
import cn.xuncha.models.data.PixelBox;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns {@link BoxNet} outputs into boxes: every cell that is the maximum of its 3x3 neighbourhood and scores at
 * least the floor becomes a box (centre offset and size from the box head), then overlapping boxes are suppressed.
 * Suppression is stricter than the usual 0.5 IoU because bags lie in piles: a second box that overlaps a better one
 * by a third, or sits mostly inside it (or around it), is nearly always the same bag or the pile around it — on
 * trashbags-kr valid+test this raised box recall at <= 0.5 false boxes per image from 0.19 to 0.25 (models/README.md).
 */
public final class BoxDecoder {
    /** Peaks below this are dropped before suppression; thresholds above it can be swept after one pass. */
    static final double FLOOR = 0.1;
    static final double NMS_IOU = 0.3;
    /** A box this much inside a better one (or holding a better one this much inside it) is suppressed as well. */
    static final double NMS_CONTAINED = 0.7;

    private BoxDecoder() {}

    /**
     * @param centre centre probability per cell [gh][gw]
     * @param box regressions [4][gh][gw]
     * @param sx original pixels per input pixel, horizontally (sy vertically)
     */
    static List<Detection> decode(float[][] centre, float[][][] box, double sx, double sy, int width, int height) {
        return suppress(peaks(centre, box, sx, sy, width, height));
    }

    /** Every local maximum at or above {@link #FLOOR} as a box, before suppression. */
    static List<Detection> peaks(float[][] centre, float[][][] box, double sx, double sy, int width, int height) {
        int gh = centre.length, gw = centre[0].length;
        List<Detection> peaks = new ArrayList<>();
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                float p = centre[y][x];
                if (p < FLOOR || !isPeak(centre, x, y)) continue;
                double cx = (x + 0.5 + box[0][y][x]) * BoxNet.STRIDE, cy = (y + 0.5 + box[1][y][x]) * BoxNet.STRIDE;
                double w = BoxNet.SIZE_UNIT * Math.exp(clampLog(box[2][y][x])), h = BoxNet.SIZE_UNIT * Math.exp(clampLog(box[3][y][x]));
                PixelBox b = new PixelBox((cx - w / 2) * sx, (cy - h / 2) * sy, w * sx, h * sy).clip(width, height);
                if (b.area() > 0) peaks.add(new Detection(Detection.EXPOSED_GARBAGE, p, b));
            }
        }
        return peaks;
    }

    /** Best first, each box kept unless it overlaps or nests with a better kept one (see the class comment). */
    public static List<Detection> suppress(List<Detection> dets) {
        List<Detection> sorted = new ArrayList<>(dets);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.stream().noneMatch(k -> k.box().iou(d.box()) > NMS_IOU || k.box().containment(d.box()) > NMS_CONTAINED)) {
                kept.add(d);
            }
        }
        return kept;
    }

    private static boolean isPeak(float[][] m, int x, int y) {
        float v = m[y][x];
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int yy = y + dy, xx = x + dx;
                if ((dx != 0 || dy != 0) && yy >= 0 && yy < m.length && xx >= 0 && xx < m[0].length) {
                    // ties: the first cell in scan order wins, so a flat top yields one peak
                    if (m[yy][xx] > v || (m[yy][xx] == v && (dy < 0 || (dy == 0 && dx < 0)))) return false;
                }
            }
        }
        return true;
    }

    /** A wild regression (untrained or confused net) must not make boxes of absurd size. */
    private static double clampLog(double v) {
        return Math.max(-4, Math.min(3, v));
    }
}
