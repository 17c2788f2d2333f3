package cn.xuncha.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Validates the {@code points:} list: ids unique, types known, 1–3 cameras, URLs and zones well-formed. */
final class PointRegistryReader {
    private static final Set<String> POINT_KEYS = Set.of("id", "name", "type", "unit", "lat", "lon", "cameras");
    private static final Set<String> CAMERA_KEYS = Set.of("id", "name", "url", "sampleInterval", "zones");
    private static final Set<String> ZONE_KEYS = Set.of("name", "rule", "polygon", "dwell");
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "http", "https", "file");
    private final Map<String, String> env;
    private final Duration defaultInterval;
    private final Set<String> pointIds = new HashSet<>();
    private final Set<String> cameraIds = new HashSet<>();

    PointRegistryReader(Map<String, String> env, Duration defaultInterval) {
        this.env = env;
        this.defaultInterval = defaultInterval;
    }

    List<PointConfig> read(ConfigNode list) {
        List<PointConfig> out = new ArrayList<>();
        for (ConfigNode p : list.elements(true)) {
            if (p.expectObject(POINT_KEYS)) out.add(point(p));
            else if (p.isMissing()) p.error("empty point");
        }
        return out;
    }

    private PointConfig point(ConfigNode n) {
        String id = n.string("id", "", true);
        if (!id.isEmpty() && !pointIds.add(id)) n.child("id").error("duplicate point id '" + id + "'");
        String type = n.string("type", "", true);
        if (!type.isEmpty() && !PointTypes.ALL.contains(type)) n.child("type").error("unknown point type '" + type + "' (known: " + String.join("、", PointTypes.ALL) + ")");
        List<CameraConfig> cameras = new ArrayList<>();
        List<ConfigNode> cams = n.child("cameras").elements(true);
        if (!n.child("cameras").isMissing() && (cams.size() < 1 || cams.size() > 3)) n.child("cameras").error("a point has 1 to 3 cameras, got " + cams.size());
        for (ConfigNode c : cams) if (c.expectObject(CAMERA_KEYS)) cameras.add(camera(c));
        return new PointConfig(id, n.string("name", "", true), type, n.string("unit", "", true),
                n.decimal("lat", -90, 90), n.decimal("lon", -180, 180), cameras);
    }

    private CameraConfig camera(ConfigNode n) {
        String id = n.string("id", "", true);
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9_.-]{1,64}")) n.child("id").error("use 1-64 letters, digits, '_', '.', '-'");
        if (!id.isEmpty() && !cameraIds.add(id)) n.child("id").error("duplicate camera id '" + id + "'");
        String url = url(n.child("url"), n.string("url", "", true));
        Duration interval = n.duration("sampleInterval", defaultInterval, Duration.ofMillis(100));
        List<ZoneConfig> zones = new ArrayList<>();
        for (ConfigNode z : n.child("zones").elements(false)) if (z.expectObject(ZONE_KEYS)) zones.add(zone(z));
        return new CameraConfig(id, n.string("name", id, false), url, interval, zones);
    }

    private String url(ConfigNode n, String raw) {
        if (raw.isEmpty()) return raw;
        // expand ${VAR} before parsing; errors name the variable, never its value
        boolean[] missing = {false};
        String url = Credentials.expand(raw, env, v -> {
            n.error("environment variable " + v + " is not set");
            missing[0] = true;
        });
        if (missing[0]) return url; // the URL cannot be checked further; don't add a misleading "malformed" error
        try {
            URI u = URI.create(url);
            if (u.getScheme() == null || !SCHEMES.contains(u.getScheme().toLowerCase())) {
                n.error("unsupported scheme in " + Credentials.mask(raw) + " (use rtsp://, http(s):// or file:)");
            } else if (!u.getScheme().equals("file") && (u.getHost() == null || u.getHost().isEmpty())) {
                n.error("missing host in " + Credentials.mask(raw));
            }
        } catch (IllegalArgumentException e) {
            n.error("malformed URL " + Credentials.mask(raw));
        }
        return url;
    }

    /** A list of zones in the camera-config schema (used by {@code analyze --zones FILE}). */
    List<ZoneConfig> zones(ConfigNode list) {
        List<ZoneConfig> zones = new ArrayList<>();
        for (ConfigNode z : list.elements(true)) if (z.expectObject(ZONE_KEYS)) zones.add(zone(z));
        return zones;
    }

    private ZoneConfig zone(ConfigNode n) {
        String ruleCode = n.string("rule", "", true);
        ZoneRule rule = ZoneRule.fromCode(ruleCode).orElse(null);
        if (rule == null && !ruleCode.isEmpty()) n.child("rule").error("unknown rule '" + ruleCode + "' (known: no_parking, no_vending, passage, ground, ignore)");
        List<int[]> polygon = new ArrayList<>();
        List<ConfigNode> pts = n.child("polygon").elements(true);
        if (!n.child("polygon").isMissing() && pts.size() < 3) n.child("polygon").error("a polygon needs at least 3 points, got " + pts.size());
        for (ConfigNode p : pts) {
            JsonNode raw = p.raw();
            if (raw == null || !raw.isArray() || raw.size() != 2 || !raw.get(0).isNumber() || !raw.get(1).isNumber()
                    || raw.get(0).asInt() < 0 || raw.get(1).asInt() < 0) {
                p.error("expected [x, y] with non-negative pixel coordinates");
            } else {
                polygon.add(new int[] {raw.get(0).asInt(), raw.get(1).asInt()});
            }
        }
        Duration dwell = n.duration("dwell", Duration.ofMinutes(5), Duration.ZERO);
        return new ZoneConfig(n.string("name", ruleCode, false), rule == null ? ZoneRule.GROUND : rule, polygon, dwell);
    }
}
