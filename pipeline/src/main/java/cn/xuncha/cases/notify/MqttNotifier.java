package cn.xuncha.cases.notify;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CasesConfig.MqttConfig;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes case news to an MQTT broker (QoS 1). Keeps connecting with backoff; while the broker is away, up to
 * {@value #MAX_PENDING} messages wait in memory (oldest dropped beyond that), and messages not yet acknowledged when
 * the connection drops are sent again. All state lives on one Vert.x context.
 */
final class MqttNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(MqttNotifier.class);
    static final int MAX_PENDING = 10_000;
    private static final int MAX_IN_FLIGHT = 100;
    private final MqttConfig config;
    private final Vertx vertx;
    private final Context context;
    private final MqttClientOptions options;
    /** a fresh client per connection, so no state of a dropped connection (its in-flight window) carries over */
    private MqttClient client;
    /** set after a refused publish: flushing waits for the retry timer instead of spinning on the event loop */
    private boolean backingOff;
    private boolean reconnectScheduled;
    private final ArrayDeque<Msg> pending = new ArrayDeque<>();
    /** sent, waiting for the broker's PUBACK, by packet id */
    private final Map<Integer, Msg> inFlight = new HashMap<>();
    /** PUBACKs that overtook their publish's completion */
    private final Set<Integer> ackedEarly = new HashSet<>();
    /** publishes handed to the client whose packet id is not known yet, plus those in {@link #inFlight} */
    private int outstanding;
    /** bumped when a connection drops, so callbacks of the old connection are recognised */
    private int generation;
    private boolean connected;
    private boolean closed;
    private long backoffMs = 250;

    private record Msg(String topic, Buffer payload) {}

    MqttNotifier(Vertx vertx, MqttConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.context = vertx.getOrCreateContext();
        options = new MqttClientOptions().setClientId("xuncha-cases-" + UUID.randomUUID().toString().substring(0, 8))
                .setCleanSession(true).setAutoKeepAlive(true).setMaxInflightQueue(MAX_IN_FLIGHT * 2);
        if (config.username() != null) options.setUsername(config.username()).setPassword(config.password());
        context.runOnContext(v -> connect());
    }

    @Override
    public void notify(CaseChange c) {
        String event = MqttTopics.eventOf(c);
        if (event == null) return;
        Msg m = new Msg(MqttTopics.topic(config.topicPrefix(), c.unit(), event), new JsonObject(MqttTopics.payload(c, event, Instant.now())).toBuffer());
        context.runOnContext(v -> {
            if (pending.size() >= MAX_PENDING) {
                pending.poll();
                LOG.warn("MQTT: more than {} messages waiting for the broker; dropped the oldest", MAX_PENDING);
            }
            pending.add(m);
            flush();
        });
    }

    private void connect() {
        if (closed) return;
        MqttClient c = MqttClient.create(vertx, options);
        client = c;
        c.publishCompletionHandler(id -> {
            if (c != client) return;
            if (inFlight.remove(id) != null) outstanding--;
            else ackedEarly.add(id);
            flush();
        });
        c.closeHandler(v -> {
            if (c != client) return;
            connected = false;
            generation++;
            inFlight.values().forEach(pending::addFirst); // unacknowledged: send again on the next connection (at-least-once)
            inFlight.clear();
            ackedEarly.clear();
            outstanding = 0;
            if (!closed) {
                LOG.warn("MQTT broker {}:{} connection lost; reconnecting", config.host(), config.port());
                reconnectLater();
            }
        });
        c.connect(config.port(), config.host()).onComplete(ar -> {
            if (ar.succeeded()) {
                connected = true;
                backoffMs = 250;
                LOG.info("MQTT: connected to {}:{}, publishing under {}/cases/", config.host(), config.port(), config.topicPrefix());
                flush();
            } else {
                LOG.warn("MQTT: cannot connect to {}:{} ({}); retrying in {} ms", config.host(), config.port(), ar.cause().getMessage(), backoffMs);
                reconnectLater();
            }
        });
    }

    private void reconnectLater() {
        if (reconnectScheduled) return; // a failed connect may also report a close: one retry is enough
        reconnectScheduled = true;
        long delay = backoffMs;
        backoffMs = Math.min(backoffMs * 2, 30_000);
        vertx.setTimer(delay, t -> context.runOnContext(v -> {
            reconnectScheduled = false;
            connect();
        }));
    }

    private void flush() {
        while (connected && !backingOff && !pending.isEmpty() && outstanding < MAX_IN_FLIGHT) {
            Msg m = pending.poll();
            int gen = generation;
            outstanding++;
            client.publish(m.topic(), m.payload(), MqttQoS.AT_LEAST_ONCE, false, false).onComplete(ar -> {
                if (gen != generation) { // the connection dropped meanwhile: the close handler reset the counts
                    if (ar.failed()) pending.addFirst(m);
                    else inFlightLost(m);
                    return;
                }
                if (ar.succeeded()) {
                    if (ackedEarly.remove(ar.result())) outstanding--;
                    else inFlight.put(ar.result(), m);
                } else { // refused (connection going away, window full): keep it, try again in a second
                    outstanding--;
                    pending.addFirst(m);
                    if (!backingOff) {
                        backingOff = true;
                        vertx.setTimer(1000, t -> context.runOnContext(x -> {
                            backingOff = false;
                            flush();
                        }));
                    }
                }
            });
        }
    }

    /** Sent on a connection that dropped before its packet id was known: may or may not have arrived; send again. */
    private void inFlightLost(Msg m) {
        pending.addFirst(m);
    }

    @Override
    public void close() {
        context.runOnContext(v -> {
            closed = true;
            if (connected) client.disconnect();
        });
    }
}
