package cn.xuncha.models.boxes;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The centre probabilities [gh][gw] and box regressions [4][gh][gw] of one image out of a {@link BoxNet} batch. */
record BoxMaps(float[][] centre, float[][][] box, double maxCentre) {

    static BoxMaps of(INDArray heat, INDArray box, int index) {
        int gh = (int) heat.size(2), gw = (int) heat.size(3);
        float[][] c = new float[gh][gw];
        float[][][] b = new float[4][gh][gw];
        double max = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                c[y][x] = heat.getFloat(index, 1, y, x);
                max = Math.max(max, c[y][x]);
                for (int k = 0; k < 4; k++) b[k][y][x] = box.getFloat(index, k, y, x);
            }
        }
        return new BoxMaps(c, b, max);
    }

    /** The maps of a horizontally mirrored input, mirrored back (centre offsets change sign along x). */
    BoxMaps mirrored() {
        int gh = centre.length, gw = centre[0].length;
        float[][] c = new float[gh][gw];
        float[][][] b = new float[4][gh][gw];
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int m = gw - 1 - x;
                c[y][x] = centre[y][m];
                b[0][y][x] = -box[0][y][m];
                for (int k = 1; k < 4; k++) b[k][y][x] = box[k][y][m];
            }
        }
        return new BoxMaps(c, b, maxCentre);
    }

    /** Cell-wise mean of two sets of maps of the same image. */
    static BoxMaps average(BoxMaps a, BoxMaps o) {
        int gh = a.centre.length, gw = a.centre[0].length;
        float[][] c = new float[gh][gw];
        float[][][] b = new float[4][gh][gw];
        double max = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                c[y][x] = (a.centre[y][x] + o.centre[y][x]) / 2;
                max = Math.max(max, c[y][x]);
                for (int k = 0; k < 4; k++) b[k][y][x] = (a.box[k][y][x] + o.box[k][y][x]) / 2;
            }
        }
        return new BoxMaps(c, b, max);
    }
}
