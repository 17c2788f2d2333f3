package cn.xuncha.config;

import java.time.Duration;
import java.util.List;

/** A polygon in a camera's pixel coordinates with the rule it enforces and how long an object may stay. */
public record ZoneConfig(String name, ZoneRule rule, List<int[]> polygon, Duration dwell) {
    public ZoneConfig {
        polygon = List.copyOf(polygon);
    }
}
