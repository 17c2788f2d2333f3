package cn.xuncha.cases.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CaseState;
import cn.xuncha.cases.CasesConfig.MqttConfig;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.mqtt.MqttClient;
import io.vertx.mqtt.MqttClientOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Case news through a real Mosquitto broker: topics, JSON, credentials, and delivery across a broker restart. */
class MqttNotifierIT {
    private static final String USER = "xuncha";
    private static final String PASSWORD = "s3cret-测试";

    @TempDir Path dir;
    private Vertx vertx;
    private LocalMosquitto broker;
    private MqttClient subscriber;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private record Received(String topic, JsonObject body) {}

    @BeforeEach
    void start() throws Exception {
        assumeTrue(LocalMosquitto.available(), "mosquitto not installed (apt-get install mosquitto): MQTT test skipped");
        broker = LocalMosquitto.start(dir, USER, PASSWORD);
        vertx = Vertx.vertx();
        subscribe();
    }

    @AfterEach
    void stop() throws Exception {
        if (vertx != null) vertx.close().await(10, TimeUnit.SECONDS);
        if (broker != null) broker.close();
    }

    /** A persistent session (fixed id, no clean start), so the broker queues messages for it while it is away. */
    private void subscribe() throws Exception {
        subscriber = MqttClient.create(vertx, new MqttClientOptions().setClientId("it-subscriber").setCleanSession(false)
                .setUsername(USER).setPassword(PASSWORD));
        subscriber.publishHandler(m -> received.add(new Received(m.topicName(), new JsonObject(m.payload()))));
        subscriber.connect(broker.port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        subscriber.subscribe("xt/cases/#", MqttQoS.AT_LEAST_ONCE.value()).await(10, TimeUnit.SECONDS);
    }

    private static CaseChange change(long id, String kind, CaseState state, String unit, boolean rebound) {
        return new CaseChange(id, kind, state, "litter", "cam-" + id, "P-" + id, unit, rebound);
    }

    @Test
    void publishesNewsUnderUnitAndEventTopicsAndNothingElse() throws Exception {
        MqttNotifier n = new MqttNotifier(vertx, new MqttConfig("127.0.0.1", broker.port, "xt/", USER, PASSWORD));
        n.notify(change(1, "OPENED", CaseState.PENDING, "环卫所", false));
        n.notify(change(2, "UPDATED", CaseState.PENDING, "环卫所", false)); // a better sighting is not news
        n.notify(change(3, "OPENED", CaseState.PENDING, null, true));
        n.notify(change(4, "OVERDUE", CaseState.DISPATCHED, "城管/一中队", false));
        n.notify(change(1, "CONFIRM", CaseState.CONFIRMED, "环卫所", false));
        Map<String, JsonObject> byTopic = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            Received r = received.poll(15, TimeUnit.SECONDS);
            assertNotNull(r, "message " + (i + 1) + " of 4 did not arrive; got " + byTopic.keySet());
            byTopic.put(r.topic(), r.body());
        }
        assertNull(received.poll(500, TimeUnit.MILLISECONDS), "only news is published");
        assertEquals(1L, byTopic.get("xt/cases/环卫所/new").getJsonObject("case").getLong("id"));
        assertEquals(true, byTopic.get("xt/cases/_unassigned/rebound").getJsonObject("case").getBoolean("rebound"));
        assertEquals("DISPATCHED", byTopic.get("xt/cases/城管_一中队/overdue").getJsonObject("case").getString("state"));
        JsonObject state = byTopic.get("xt/cases/环卫所/state");
        assertEquals("CONFIRM", state.getString("action"));
        assertEquals("CONFIRMED", state.getJsonObject("case").getString("state"));
        assertEquals("litter", state.getJsonObject("case").getString("category"));
        n.close();
    }

    @Test
    void newsRaisedWhileTheBrokerIsDownIsDeliveredWhenItReturns() throws Exception {
        MqttNotifier n = new MqttNotifier(vertx, new MqttConfig("127.0.0.1", broker.port, "xt", USER, PASSWORD));
        n.notify(change(1, "OPENED", CaseState.PENDING, "u", false));
        assertEquals("xt/cases/u/new", received.poll(15, TimeUnit.SECONDS).topic());
        broker.stopBroker();
        n.notify(change(2, "OPENED", CaseState.PENDING, "u", true));
        n.notify(change(3, "OVERDUE", CaseState.DISPATCHED, "u", false));
        Thread.sleep(1000); // the notifier keeps retrying meanwhile
        broker.startBroker();
        subscribe();
        Map<String, JsonObject> byTopic = new HashMap<>();
        for (int i = 0; i < 2; i++) {
            Received r = received.poll(45, TimeUnit.SECONDS);
            assertNotNull(r, "news raised during the outage was not delivered after it; got " + byTopic.keySet());
            byTopic.put(r.topic(), r.body());
        }
        assertEquals(2L, byTopic.get("xt/cases/u/rebound").getJsonObject("case").getLong("id"));
        assertEquals(3L, byTopic.get("xt/cases/u/overdue").getJsonObject("case").getLong("id"));
        n.close();
    }
}
