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
}
