package cn.xuncha.models.boxes;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Pools the backbone maps of square object crops into one vector per crop: the mean and maximum of every channel of
 * both maps (what is in the crop) and the channel means of the deep map over a 3x3 grid (where: a box tight on one bag
 * has it in the centre cell, a box round half a bag or a whole pile does not).
 */
public final class CropFeatures {
    /** Cells per side of the spatial grid over the deep map. */
    static final int GRID = 3;

    private CropFeatures() {}

    /** Length of the vector {@link #of} makes for this backbone. */
    public static int length(BackboneVariant v) {
        return 2 * v.stride8Channels() + 2 * v.deepChannels() + GRID * GRID * v.deepChannels();
    }

    /** [stride-8 [n,c8,h,w], deep [n,c16,h',w']] from {@link Backbone#features} → [n, length]; the deep map needs ≥ 3 cells a side. */
    public static INDArray of(INDArray[] maps) {
        INDArray s8 = maps[0], deep = maps[1];
        long gh = deep.size(2), gw = deep.size(3);
        if (gh < GRID || gw < GRID) throw new IllegalArgumentException("deep map " + gw + "x" + gh + " is smaller than the " + GRID + "x" + GRID + " grid");
        INDArray[] parts = new INDArray[4 + GRID * GRID];
        parts[0] = s8.mean(2, 3);
        parts[1] = s8.max(2, 3);
        parts[2] = deep.mean(2, 3);
        parts[3] = deep.max(2, 3);
        for (int gy = 0; gy < GRID; gy++) {
            for (int gx = 0; gx < GRID; gx++) {
                INDArray cell = deep.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(gy * gh / GRID, (gy + 1) * gh / GRID),
                        NDArrayIndex.interval(gx * gw / GRID, (gx + 1) * gw / GRID));
                parts[4 + gy * GRID + gx] = cell.mean(2, 3);
            }
        }
        return Nd4j.hstack(parts);
    }
}
