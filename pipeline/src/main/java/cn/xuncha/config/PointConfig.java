package cn.xuncha.config;

import java.util.List;

/** A national assessment point (国测点位): what it is, who answers for it, and the cameras that watch it. */
public record PointConfig(
        String id, String name, String type, String unit, Double lat, Double lon, List<CameraConfig> cameras) {
    public PointConfig {
        cameras = List.copyOf(cameras);
    }
}
