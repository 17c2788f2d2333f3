package cn.xuncha.cases;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Tuning of the cases stage (YAML section {@code cases:}). Every field has a default; see {@link #DEFAULT}.
 *
 * @param matchIou box overlap from which two detections are the same object / same place
 * @param maxHashDistance appearance-hash bits that may differ for a look-alike of a dismissed false alarm
 * @param retention how long evidence files are kept per final state (cases and audit are kept)
 * @param webhook null when no webhook is configured
 * @param mqtt null when no MQTT broker is configured
 */
public record CasesConfig(
        Duration reboundWindow,
        Duration suppression,
        double matchIou,
        int maxHashDistance,
        Map<CaseState, Duration> retention,
        Duration overdueCheck,
        WebhookConfig webhook,
        MqttConfig mqtt) {

    public static final CasesConfig DEFAULT = new CasesConfig(Duration.ofDays(7), Duration.ofHours(24), 0.3, 10,
            defaultRetention(), Duration.ofMinutes(1), null, null);

    public CasesConfig {
        if (matchIou <= 0 || matchIou > 1) throw new IllegalArgumentException("cases.matchIou must be in (0, 1], got " + matchIou);
        if (maxHashDistance < 0 || maxHashDistance > 64) throw new IllegalArgumentException("cases.maxHashDistance must be 0..64");
        retention = Map.copyOf(retention);
    }

    /** Without MQTT. */
    public CasesConfig(Duration reboundWindow, Duration suppression, double matchIou, int maxHashDistance, Map<CaseState, Duration> retention,
                       Duration overdueCheck, WebhookConfig webhook) {
        this(reboundWindow, suppression, matchIou, maxHashDistance, retention, overdueCheck, webhook, null);
    }

    public CasesConfig withMqtt(MqttConfig m) {
        return new CasesConfig(reboundWindow, suppression, matchIou, maxHashDistance, retention, overdueCheck, webhook, m);
    }

    public static Map<CaseState, Duration> defaultRetention() {
        Map<CaseState, Duration> m = new EnumMap<>(CaseState.class);
        m.put(CaseState.DISMISSED, Duration.ofDays(30));
        m.put(CaseState.CLOSED, Duration.ofDays(365));
        return m;
    }

    /** Hand-off to a 数字城管 system: JSON POST signed with HMAC-SHA256 of the body using {@code secret}. */
    public record WebhookConfig(String url, String secret, int maxAttempts, Duration initialBackoff) {
        public WebhookConfig {
            if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw new IllegalArgumentException("cases.webhook.url must be an http(s) URL");
            }
            if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("cases.webhook.secret is required");
            if (maxAttempts < 1) throw new IllegalArgumentException("cases.webhook.maxAttempts must be >= 1");
        }
    }

    /**
     * Case news published as JSON to {@code <topicPrefix>/cases/<unit>/<event>} (QoS 1).
     *
     * @param username null for an anonymous broker
     */
    public record MqttConfig(String host, int port, String topicPrefix, String username, String password) {
        public MqttConfig {
            if (host == null || host.isBlank()) throw new IllegalArgumentException("cases.mqtt.host is required");
            if (port < 1 || port > 65535) throw new IllegalArgumentException("cases.mqtt.port must be 1..65535, got " + port);
            if (topicPrefix == null || topicPrefix.isBlank()) topicPrefix = "xuncha";
            if (topicPrefix.contains("+") || topicPrefix.contains("#")) {
                throw new IllegalArgumentException("cases.mqtt.topicPrefix must not contain the MQTT wildcards + or #");
            }
            topicPrefix = topicPrefix.replaceAll("/+$", "");
        }

        @Override
        public String toString() {
            return "MqttConfig[" + host + ":" + port + ", topicPrefix=" + topicPrefix + ", username=" + username + "]";
        }
    }
}
