package cn.xuncha.models.boxes;

import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Pools the backbone maps of square object crops into one vector per crop: the mean and maximum of every channel of
 * both maps (what is in the crop) and channel means over a 3x3 grid (where: a box tight on one bag has it in the centre
 * cell, a box round half a bag or a whole pile does not) — of the deep map, and in the {@link Layout#FINE} layout of
 * the stride-8 map too.
 */
public final class CropFeatures {
    /** Cells per side of the spatial grid. */
    static final int GRID = 3;
    /** Metadata key (in a verifier's training record) naming the layout it was trained on; absent = {@link Layout#COARSE}. */
    public static final String LAYOUT_KEY = "crop_features";

    /** Which pooled parts a vector holds; a verifier must be run on the layout it was trained on. */
    public enum Layout {
        /** Channel means and maxima of both maps, the deep map's channel means on the grid (sessions 12–14). */
        COARSE,
        /**
         * COARSE and the stride-8 map's channel means on the grid: at 96 px its cells are 32 px, so the vector shows
         * where the parts and edges of bags lie in the crop, not only that there are some (session 15).
         */
        FINE,
        /**
         * FINE, and the COARSE pooling of a second crop around the box that shows its surroundings ({@link #contextPad}):
         * a whole bag and the half of a pile, a bag in a bin and a bucket on a kerb can look alike at the box and not
         * around it (session 23).
         */
        CONTEXT;

        /** Side of the context crop as a multiple of the box's longer side; 0 for layouts without one. */
        public double contextPad() {
            return this == CONTEXT ? 3.0 : 0;
        }

        /** The layout a verifier's training record names; COARSE for records from before there was a choice. */
        public static Layout of(Map<String, Object> training) {
            Object name = training == null ? null : training.get(LAYOUT_KEY);
            if (name == null) return COARSE;
            try {
                return valueOf(name.toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(LAYOUT_KEY + ": unknown layout '" + name + "' (known: coarse, fine, context)");
            }
        }

        /** How the training record names this layout. */
        public String recordName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private CropFeatures() {}

    /** Length of the vector {@link #of} makes for this backbone and layout. */
    public static int length(BackboneVariant v, Layout layout) {
        int coarse = 2 * v.stride8Channels() + 2 * v.deepChannels() + GRID * GRID * v.deepChannels();
        int fine = coarse + GRID * GRID * v.stride8Channels();
        return switch (layout) {
            case COARSE -> coarse;
            case FINE -> fine;
            case CONTEXT -> fine + coarse;
        };
    }

    /**
     * The box crops' maps and, in the {@link Layout#CONTEXT} layout, the context crops' maps (null otherwise), each
     * [stride-8 [n,c8,h,w], deep [n,c16,h',w']] from {@link Backbone#features} → [n, length]; maps need ≥ 3 cells a side.
     */
    public static INDArray of(INDArray[] maps, INDArray[] contextMaps, Layout layout) {
        if (layout != Layout.CONTEXT) return of(maps, layout);
        if (contextMaps == null) throw new IllegalArgumentException("the context layout needs the context crops' maps");
        return Nd4j.hstack(of(maps, Layout.FINE), of(contextMaps, Layout.COARSE));
    }

    /** [stride-8 [n,c8,h,w], deep [n,c16,h',w']] from {@link Backbone#features} → [n, length] (COARSE or FINE). */
    public static INDArray of(INDArray[] maps, Layout layout) {
        if (layout == Layout.CONTEXT) throw new IllegalArgumentException("the context layout needs the context crops' maps too");
        INDArray s8 = maps[0], deep = maps[1];
        boolean fine = layout == Layout.FINE;
        INDArray[] parts = new INDArray[4 + GRID * GRID * (fine ? 2 : 1)];
        parts[0] = s8.mean(2, 3);
        parts[1] = s8.max(2, 3);
        parts[2] = deep.mean(2, 3);
        parts[3] = deep.max(2, 3);
        System.arraycopy(gridMeans(deep, "deep"), 0, parts, 4, GRID * GRID);
        if (fine) System.arraycopy(gridMeans(s8, "stride-8"), 0, parts, 4 + GRID * GRID, GRID * GRID);
        return Nd4j.hstack(parts);
    }

    /** Channel means of each grid cell, row by row: [n, c] each. */
    private static INDArray[] gridMeans(INDArray map, String name) {
        long gh = map.size(2), gw = map.size(3);
        if (gh < GRID || gw < GRID) throw new IllegalArgumentException(name + " map " + gw + "x" + gh + " is smaller than the " + GRID + "x" + GRID + " grid");
        INDArray[] cells = new INDArray[GRID * GRID];
        for (int gy = 0; gy < GRID; gy++) {
            for (int gx = 0; gx < GRID; gx++) {
                cells[gy * GRID + gx] = map.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(gy * gh / GRID, (gy + 1) * gh / GRID),
                        NDArrayIndex.interval(gx * gw / GRID, (gx + 1) * gw / GRID)).mean(2, 3);
            }
        }
        return cells;
    }
}
