package cn.xuncha.scan;

import cn.xuncha.config.ConfigError;
import cn.xuncha.config.ConfigException;
import cn.xuncha.config.Durations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the optional {@code scan:} section of the service config, e.g.
 * {@code scan: {time: "02:00", zone: Asia/Shanghai, concurrency: 8, graceHours: 6, framesPerCamera: 3, singleImage: without_reference,
 * detectors: auto}}.
 * Missing keys keep their defaults; every error is reported with its path.
 */
public final class ScanConfigReader {
    private static final Set<String> KEYS = Set.of("time", "zone", "concurrency", "graceHours", "framesPerCamera", "frameSpacing",
            "cameraTimeout", "singleImage", "detectors");

    private ScanConfigReader() {}

    public static ScanSettings read(Path configFile) {
        try {
            return read(new ObjectMapper(new YAMLFactory()).readTree(configFile.toFile()), configFile.toString());
        } catch (IOException e) {
            throw new ConfigException(configFile.toString(), List.of(new ConfigError("(file)", "unreadable: " + e.getMessage())));
        }
    }

    public static ScanSettings read(JsonNode root, String source) {
        ScanSettings d = ScanSettings.DEFAULT;
        JsonNode n = root == null ? null : root.get("scan");
        if (n == null || n.isNull()) return d;
        List<ConfigError> errors = new ArrayList<>();
        if (!n.isObject()) throw new ConfigException(source, List.of(new ConfigError("scan", "expected a mapping")));
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) errors.add(new ConfigError("scan." + k, "unknown key (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")"));
        }
        LocalTime time = d.time();
        ZoneId zone = d.zone();
        try {
            if (n.has("time")) time = LocalTime.parse(n.get("time").asText());
        } catch (DateTimeException e) {
            errors.add(new ConfigError("scan.time", "expected HH:MM, got '" + n.get("time").asText() + "'"));
        }
        try {
            if (n.has("zone")) zone = ZoneId.of(n.get("zone").asText());
        } catch (DateTimeException e) {
            errors.add(new ConfigError("scan.zone", "unknown time zone '" + n.get("zone").asText() + "'"));
        }
        int concurrency = integer(n, "concurrency", d.concurrency(), 1, 256, errors);
        int graceHours = integer(n, "graceHours", (int) d.grace().toHours(), 0, 23, errors);
        int frames = integer(n, "framesPerCamera", d.framesPerCamera(), 1, 20, errors);
        Duration spacing = duration(n, "frameSpacing", d.frameSpacing(), errors);
        Duration timeout = duration(n, "cameraTimeout", d.cameraTimeout(), errors);
        CombinedScanAnalyzer.SingleImage single = d.singleImage();
        if (n.has("singleImage")) {
            JsonNode v = n.get("singleImage");
            try {
                // YAML 1.1 reads a bare off as the boolean false
                single = v.isBoolean() && !v.asBoolean() ? CombinedScanAnalyzer.SingleImage.OFF
                        : CombinedScanAnalyzer.SingleImage.valueOf(v.asText().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new ConfigError("scan.singleImage", "expected always, without_reference or off"));
            }
        }
        int detectors = n.has("detectors") && "auto".equals(n.get("detectors").asText()) ? 0
                : integer(n, "detectors", d.detectors(), 1, ScanSettings.MAX_DETECTORS, errors);
        if (!errors.isEmpty()) throw new ConfigException(source, errors);
        return new ScanSettings(time, zone, concurrency, Duration.ofHours(graceHours), frames, spacing, timeout, d.thresholds(), single, detectors);
    }

    private static int integer(JsonNode n, String key, int def, int min, int max, List<ConfigError> errors) {
        if (!n.has(key)) return def;
        JsonNode v = n.get(key);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            errors.add(new ConfigError("scan." + key, "expected an integer " + min + ".." + max + ", got '" + v.asText() + "'"));
            return def;
        }
        return v.asInt();
    }

    private static Duration duration(JsonNode n, String key, Duration def, List<ConfigError> errors) {
        if (!n.has(key)) return def;
        try {
            return Durations.parse(n.get(key).asText());
        } catch (IllegalArgumentException e) {
            errors.add(new ConfigError("scan." + key, e.getMessage()));
            return def;
        }
    }
}
