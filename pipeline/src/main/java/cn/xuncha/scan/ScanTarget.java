package cn.xuncha.scan;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import java.util.List;

/** One camera to scan, with the point (and so the responsible unit) it watches. */
public record ScanTarget(PointConfig point, CameraConfig camera) {
    public String cameraId() {
        return camera.id();
    }

    public String pointId() {
        return point.id();
    }

    /** Every camera of every point, in registry order. */
    public static List<ScanTarget> all(XunchaConfig config) {
        return config.points().stream().flatMap(p -> p.cameras().stream().map(c -> new ScanTarget(p, c))).toList();
    }
}
