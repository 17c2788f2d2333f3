package cn.xuncha.models.boxes;

import cn.xuncha.models.data.PixelBox;
import java.util.List;

/**
 * Training targets for {@link BoxNet} on one input of gw x gh cells: a Gaussian "centre-ness" per cell (max over
 * objects, sigma a sixth of the object's shorter side) as soft heat labels, and box regressions on the cells near each
 * centre (where the mask is 1). Pure arrays, so the encoding is testable without a network.
 */
public record BoxTargets(int gw, int gh, float[] heat, float[] box, float[] boxMask) {

    /** Box regression is learned where an object's own centre-ness is at least this. */
    static final double BOX_CELLS = 0.5;

    /** Targets for boxes given in input pixels. heat is [2][gh][gw] (background, centre), box [4][gh][gw]. */
    public static BoxTargets encode(List<PixelBox> boxes, int inputW, int inputH) {
        int gw = inputW / BoxNet.STRIDE, gh = inputH / BoxNet.STRIDE, n = gw * gh;
        float[] g = new float[n];
        float[] box = new float[4 * n];
        float[] mask = new float[n];
        float[] owner = new float[n]; // centre-ness of the object that owns the cell's box target
        for (PixelBox b : boxes) {
            double cx = b.cx() / BoxNet.STRIDE, cy = b.cy() / BoxNet.STRIDE;
            double sigma = Math.max(0.7, Math.min(b.w(), b.h()) / BoxNet.STRIDE / 6);
            int ci = (int) Math.floor(cx), cj = (int) Math.floor(cy);
            int r = (int) Math.ceil(3 * sigma);
            for (int y = Math.max(0, cj - r); y <= Math.min(gh - 1, cj + r); y++) {
                for (int x = Math.max(0, ci - r); x <= Math.min(gw - 1, ci + r); x++) {
                    // distance between cells, so the centre cell itself has 1.0 exactly
                    double d2 = (x - ci) * (x - ci) + (y - cj) * (y - cj);
                    float v = (float) Math.exp(-d2 / (2 * sigma * sigma));
                    int i = y * gw + x;
                    g[i] = Math.max(g[i], v);
                    if (v >= BOX_CELLS && v > owner[i]) {
                        owner[i] = v;
                        mask[i] = 1;
                        box[i] = (float) (cx - (x + 0.5));
                        box[n + i] = (float) (cy - (y + 0.5));
                        box[2 * n + i] = (float) Math.log(Math.max(1, b.w()) / BoxNet.SIZE_UNIT);
                        box[3 * n + i] = (float) Math.log(Math.max(1, b.h()) / BoxNet.SIZE_UNIT);
                    }
                }
            }
        }
        float[] heat = new float[2 * n];
        for (int i = 0; i < n; i++) {
            heat[i] = 1 - g[i];
            heat[n + i] = g[i];
        }
        return new BoxTargets(gw, gh, heat, box, mask);
    }
}
