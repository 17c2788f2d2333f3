package cn.xuncha.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the service configuration (YAML). Every error is collected with its path; any error
 * makes {@link #load} throw a {@link ConfigException} listing all of them. Unknown keys are errors.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> ROOT_KEYS = Set.of("server", "storage", "ingest", "pointsFile", "points", "cases", "scan");
    private final Map<String, String> env;

    public ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public static XunchaConfig loadFile(Path file) {
        return new ConfigLoader(System.getenv()).load(file);
    }

    public XunchaConfig load(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        JsonNode tree = parse(file);
        ConfigNode root = new ConfigNode(tree, "", errors);
        if (!root.expectObject(ROOT_KEYS)) throw new ConfigException(file.toString(), List.of(new ConfigError("(root)", "expected a mapping")));
        ServerConfig server = server(root.child("server"));
        StorageConfig storage = storage(root.child("storage"));
        IngestConfig ingest = ingest(root.child("ingest"));
        List<PointConfig> points;
        String pointsFile = root.string("pointsFile", null, false);
        if (pointsFile != null && !root.child("points").isMissing()) {
            root.child("pointsFile").error("give either pointsFile or points, not both");
        }
        if (pointsFile != null) {
            Path pf = file.toAbsolutePath().getParent().resolve(pointsFile);
            points = loadPoints(pf, ingest.defaultSampleInterval());
        } else {
            points = new PointRegistryReader(env, ingest.defaultSampleInterval()).read(root.child("points"));
        }
        if (!errors.isEmpty()) throw new ConfigException(file.toString(), errors);
        return new XunchaConfig(server, storage, ingest, points, cases(tree, file),
                cn.xuncha.scan.ScanConfigReader.read(tree, file.toString())); // one parse for every section
    }

    /** Reads a standalone registry file ({@code points: [...]}) such as seeds/points.yaml. */
    public List<PointConfig> loadPoints(Path file, Duration defaultInterval) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode root = new ConfigNode(parse(file), "", errors);
        List<PointConfig> points = List.of();
        if (root.expectObject(Set.of("points"))) {
            points = new PointRegistryReader(env, defaultInterval).read(root.child("points"));
        } else {
            root.error("expected a mapping with key 'points'");
        }
        if (!errors.isEmpty()) throw new ConfigException(file.toString(), errors);
        return points;
    }

    /** Reads a standalone YAML list of zones in the same schema as a camera's {@code zones:}. */
    public List<ZoneConfig> loadZones(Path file) {
        List<ConfigError> errors = new ArrayList<>();
        List<ZoneConfig> zones = new PointRegistryReader(env, IngestConfig.DEFAULT.defaultSampleInterval())
                .zones(new ConfigNode(parse(file), "zones", errors));
        if (!errors.isEmpty()) throw new ConfigException(file.toString(), errors);
        return zones;
    }

    private static JsonNode parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("(file)", "not found or not a regular file")));
        }
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("(syntax)", e.getMessage().lines().findFirst().orElse("unreadable"))));
        }
    }

    private static ServerConfig server(ConfigNode n) {
        if (!n.expectObject(Set.of("host", "port"))) return ServerConfig.DEFAULT;
        return new ServerConfig(n.string("host", ServerConfig.DEFAULT.host(), false), n.integer("port", ServerConfig.DEFAULT.port(), 0, 65535));
    }

    private StorageConfig storage(ConfigNode n) {
        if (!n.expectObject(Set.of("dataDir", "jdbcUrl", "user", "password"))) return StorageConfig.embedded("data");
        String url = n.string("jdbcUrl", null, false);
        if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            n.child("jdbcUrl").error("only jdbc:h2: and jdbc:postgresql: URLs are supported");
        }
        String password = n.string("password", "", false);
        password = Credentials.expand(password, env, v -> n.child("password").error("environment variable " + v + " is not set"));
        return new StorageConfig(n.string("dataDir", "data", false), url, n.string("user", "sa", false), password);
    }

    private static IngestConfig ingest(ConfigNode n) {
        IngestConfig d = IngestConfig.DEFAULT;
        if (!n.expectObject(Set.of("sampleInterval", "stallTimeout", "connectTimeout", "backoffMin", "backoffMax", "keyframesOnly", "rtspClient"))) return d;
        Duration min = Duration.ofMillis(100);
        IngestConfig c = new IngestConfig(
                n.duration("sampleInterval", d.defaultSampleInterval(), min),
                n.duration("stallTimeout", d.stallTimeout(), Duration.ofSeconds(1)),
                n.duration("connectTimeout", d.connectTimeout(), Duration.ofSeconds(1)),
                n.duration("backoffMin", d.backoffMin(), min),
                n.duration("backoffMax", d.backoffMax(), min),
                n.bool("keyframesOnly", d.keyframesOnly()),
                rtspClient(n));
        if (c.backoffMax().compareTo(c.backoffMin()) < 0) n.child("backoffMax").error("must be >= backoffMin");
        return c;
    }

    private static IngestConfig.RtspClient rtspClient(ConfigNode n) {
        String v = n.string("rtspClient", "builtin", false);
        return switch (v == null ? "builtin" : v) {
            case "builtin" -> IngestConfig.RtspClient.BUILTIN;
            case "ffmpeg" -> IngestConfig.RtspClient.FFMPEG;
            default -> {
                n.child("rtspClient").error("must be builtin or ffmpeg, got '" + v + "'");
                yield IngestConfig.RtspClient.BUILTIN;
            }
        };
    }

    /** Reads the optional {@code cases:} section (defaults for what is missing), reporting every error with its path. */
    public cn.xuncha.cases.CasesConfig loadCases(Path file) {
        return cases(parse(file), file);
    }

    private cn.xuncha.cases.CasesConfig cases(JsonNode tree, Path file) {
        List<ConfigError> errors = new ArrayList<>();
        ConfigNode n = new ConfigNode(tree, "", errors).child("cases");
        cn.xuncha.cases.CasesConfig d = cn.xuncha.cases.CasesConfig.DEFAULT;
        if (!n.expectObject(Set.of("reboundWindow", "suppression", "matchIou", "maxHashDistance", "retention", "overdueCheck", "webhook", "mqtt"))) {
            if (!errors.isEmpty()) throw new ConfigException(file.toString(), errors);
            return d;
        }
        Duration rebound = n.duration("reboundWindow", d.reboundWindow(), Duration.ofMinutes(1));
        Duration suppression = n.duration("suppression", d.suppression(), Duration.ZERO);
        Double iou = n.decimal("matchIou", 0.01, 1.0);
        int hash = n.integer("maxHashDistance", d.maxHashDistance(), 0, 64);
        Duration overdue = n.duration("overdueCheck", d.overdueCheck(), Duration.ofSeconds(1));
        java.util.Map<cn.xuncha.cases.CaseState, Duration> retention = new java.util.EnumMap<>(d.retention());
        ConfigNode r = n.child("retention");
        java.util.Set<String> states = java.util.Arrays.stream(cn.xuncha.cases.CaseState.values()).map(Enum::name)
                .collect(java.util.stream.Collectors.toSet());
        if (r.expectObject(states)) {
            for (String st : states) {
                if (!r.child(st).isMissing()) retention.put(cn.xuncha.cases.CaseState.valueOf(st), r.duration(st, null, Duration.ofDays(1)));
            }
        }
        cn.xuncha.cases.CasesConfig.WebhookConfig webhook = null;
        ConfigNode w = n.child("webhook");
        if (w.expectObject(Set.of("url", "secret", "maxAttempts", "initialBackoff"))) {
            String url = w.string("url", null, true);
            String secret = Credentials.expand(w.string("secret", "", true), env, v -> w.child("secret").error("environment variable " + v + " is not set"));
            int attempts = w.integer("maxAttempts", 6, 1, 50);
            Duration backoff = w.duration("initialBackoff", Duration.ofSeconds(1), Duration.ofMillis(10));
            try {
                if (url != null) webhook = new cn.xuncha.cases.CasesConfig.WebhookConfig(url, secret, attempts, backoff);
            } catch (IllegalArgumentException e) {
                w.error(e.getMessage());
            }
        }
        cn.xuncha.cases.CasesConfig.MqttConfig mqtt = null;
        ConfigNode m = n.child("mqtt");
        if (m.expectObject(Set.of("host", "port", "topicPrefix", "username", "password"))) {
            String host = m.string("host", null, true);
            Integer port = m.integer("port", 1883, 1, 65535);
            String prefix = m.string("topicPrefix", "xuncha", false);
            String user = m.string("username", null, false);
            String pw = m.child("password").isMissing() ? null
                    : Credentials.expand(m.string("password", "", false), env, v -> m.child("password").error("environment variable " + v + " is not set"));
            try {
                if (host != null && port != null) mqtt = new cn.xuncha.cases.CasesConfig.MqttConfig(host, port, prefix, user, pw);
            } catch (IllegalArgumentException e) {
                m.error(e.getMessage());
            }
        }
        if (!errors.isEmpty()) throw new ConfigException(file.toString(), errors);
        return new cn.xuncha.cases.CasesConfig(rebound, suppression, iou == null ? d.matchIou() : iou, hash, retention, overdue, webhook, mqtt);
    }
}
