package cn.xuncha.config;

import java.time.Duration;
import java.util.List;

/**
 * One camera of a point. {@code url} may hold credentials (expanded from environment variables);
 * use {@link #maskedUrl()} for anything a person or a log can see.
 */
public record CameraConfig(String id, String name, String url, Duration sampleInterval, List<ZoneConfig> zones) {
    public CameraConfig {
        zones = List.copyOf(zones);
    }

    public String maskedUrl() {
        return Credentials.mask(url);
    }

    @Override
    public String toString() {
        return "CameraConfig[id=" + id + ", name=" + name + ", url=" + maskedUrl() + ", sampleInterval=" + sampleInterval
                + ", zones=" + zones.size() + "]";
    }
}
