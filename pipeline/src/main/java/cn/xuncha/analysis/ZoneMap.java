package cn.xuncha.analysis;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import cn.xuncha.config.ZoneConfig;
import cn.xuncha.config.ZoneRule;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * The camera's zones at analysis scale: the mask of pixels analysed (GROUND and rule zones if any GROUND zone
 * exists, else everything; IGNORE zones always removed) and lookups of the zone an object stands in.
 */
final class ZoneMap implements AutoCloseable {
    private final List<ZoneConfig> zones;
    private final double scale;
    final Mat area;

    /** @param scale analysis pixels per original pixel */
    ZoneMap(List<ZoneConfig> zones, int width, int height, double scale) {
        this.zones = List.copyOf(zones);
        this.scale = scale;
        boolean hasGround = zones.stream().anyMatch(z -> z.rule() == ZoneRule.GROUND);
        area = new Mat(height, width, CV_8U, Scalar.all(hasGround ? 0 : 255));
        for (ZoneConfig z : zones) if (z.rule() != ZoneRule.IGNORE) fill(z, Scalar.all(255));
        for (ZoneConfig z : zones) if (z.rule() == ZoneRule.IGNORE) fill(z, Scalar.all(0));
    }

    /** The first zone (config order, IGNORE excluded) containing the point, in original pixel coordinates. */
    Optional<ZoneConfig> zoneAt(double x, double y) {
        return zones.stream().filter(z -> z.rule() != ZoneRule.IGNORE && contains(z.polygon(), x, y)).findFirst();
    }

    /** The rule zone (no parking / no vending / passage) at the point, if any. */
    Optional<ZoneConfig> ruleZoneAt(double x, double y) {
        return zones.stream().filter(z -> isRule(z.rule()) && contains(z.polygon(), x, y)).findFirst();
    }

    Duration dwellAt(double x, double y, Duration dflt) {
        return zoneAt(x, y).map(ZoneConfig::dwell).orElse(dflt);
    }

    static boolean isRule(ZoneRule r) {
        return r == ZoneRule.NO_PARKING || r == ZoneRule.NO_VENDING || r == ZoneRule.PASSAGE;
    }

    private void fill(ZoneConfig z, Scalar value) {
        try (Mat pts = new Mat(z.polygon().size(), 1, CV_32SC2); MatVector polys = new MatVector(pts)) {
            try (IntIndexer ix = pts.createIndexer()) {
                for (int i = 0; i < z.polygon().size(); i++) {
                    ix.put(i, 0, 0, (int) Math.round(z.polygon().get(i)[0] * scale));
                    ix.put(i, 0, 1, (int) Math.round(z.polygon().get(i)[1] * scale));
                }
            }
            fillPoly(area, polys, value);
        }
    }

    /** Even-odd ray casting. */
    private static boolean contains(List<int[]> poly, double x, double y) {
        boolean in = false;
        for (int i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
            double xi = poly.get(i)[0], yi = poly.get(i)[1], xj = poly.get(j)[0], yj = poly.get(j)[1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
        }
        return in;
    }

    @Override
    public void close() {
        area.close();
    }
}
