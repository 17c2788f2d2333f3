package cn.xuncha.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A cursor over a parsed YAML/JSON tree that knows its path and collects errors instead of throwing,
 * so one load reports every problem at once (pydantic-style).
 */
final class ConfigNode {
    private final JsonNode node;
    private final String path;
    private final List<ConfigError> errors;

    ConfigNode(JsonNode node, String path, List<ConfigError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    String path() {
        return path;
    }

    boolean isMissing() {
        return node == null || node.isMissingNode() || node.isNull();
    }

    void error(String message) {
        errors.add(new ConfigError(path.isEmpty() ? "(root)" : path, message));
    }

    ConfigNode child(String key) {
        JsonNode c = node == null ? null : node.get(key);
        return new ConfigNode(c, path.isEmpty() ? key : path + "." + key, errors);
    }

    /** Rejects keys not in {@code allowed}; returns false when this is not a mapping. */
    boolean expectObject(Set<String> allowed) {
        if (isMissing()) return false;
        if (!node.isObject()) {
            error("expected a mapping, got " + node.getNodeType().toString().toLowerCase());
            return false;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) child(k).error("unknown key (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
        }
        return true;
    }

    List<ConfigNode> elements(boolean required) {
        List<ConfigNode> out = new ArrayList<>();
        if (isMissing()) {
            if (required) error("required list is missing");
            return out;
        }
        if (!node.isArray()) {
            error("expected a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) out.add(new ConfigNode(node.get(i), path + "[" + i + "]", errors));
        return out;
    }

    String string(String key, String dflt, boolean required) {
        ConfigNode c = child(key);
        if (c.isMissing()) {
            if (required) c.error("required");
            return dflt;
        }
        if (!c.node.isValueNode() || c.node.isBoolean()) {
            c.error("expected text");
            return dflt;
        }
        String s = c.node.asText().trim();
        if (required && s.isEmpty()) c.error("must not be empty");
        return s;
    }

    Integer integer(String key, Integer dflt, int min, int max) {
        ConfigNode c = child(key);
        if (c.isMissing()) return dflt;
        if (!c.node.canConvertToInt() || !c.node.isIntegralNumber()) {
            c.error("expected an integer");
            return dflt;
        }
        int v = c.node.asInt();
        if (v < min || v > max) c.error("must be between " + min + " and " + max + ", got " + v);
        return v;
    }

    Double decimal(String key, double min, double max) {
        ConfigNode c = child(key);
        if (c.isMissing()) return null;
        if (!c.node.isNumber()) {
            c.error("expected a number");
            return null;
        }
        double v = c.node.asDouble();
        if (v < min || v > max) c.error("must be between " + min + " and " + max + ", got " + v);
        return v;
    }

    Boolean bool(String key, boolean dflt) {
        ConfigNode c = child(key);
        if (c.isMissing()) return dflt;
        if (!c.node.isBoolean()) {
            c.error("expected true or false");
            return dflt;
        }
        return c.node.asBoolean();
    }

    Duration duration(String key, Duration dflt, Duration min) {
        ConfigNode c = child(key);
        if (c.isMissing()) return dflt;
        try {
            Duration d = Durations.parse(c.node.asText());
            if (d.compareTo(min) < 0) c.error("must be at least " + Durations.format(min));
            return d;
        } catch (IllegalArgumentException e) {
            c.error(e.getMessage());
            return dflt;
        }
    }

    <T> T map(Function<JsonNode, T> f) {
        return f.apply(node);
    }

    JsonNode raw() {
        return node;
    }
}
