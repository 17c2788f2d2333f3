package cn.xuncha.cases.notify;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CasesConfig;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;

/** Hands case news (new, rebound, overdue) to outside systems. Implementations must not block the caller. */
public interface Notifier extends AutoCloseable {
    void notify(CaseChange change);

    @Override
    default void close() {}

    /** The notifiers the config asks for (webhook when {@code cases.webhook} is set, MQTT when {@code cases.mqtt} is), or none. */
    static Notifier create(Vertx vertx, CasesConfig config) {
        List<Notifier> all = new ArrayList<>();
        if (config.webhook() != null) all.add(new WebhookNotifier(vertx, config.webhook()));
        if (config.mqtt() != null) all.add(new MqttNotifier(vertx, config.mqtt()));
        if (all.size() == 1) return all.get(0);
        return new Notifier() {
            @Override
            public void notify(CaseChange change) {
                all.forEach(n -> n.notify(change));
            }

            @Override
            public void close() {
                all.forEach(Notifier::close);
            }
        };
    }

    /** The event name a change is announced under, or null when it is not news for outside systems. */
    static String eventOf(CaseChange c) {
        if ("OPENED".equals(c.kind())) return c.rebound() ? "case.rebound" : "case.new";
        if ("OVERDUE".equals(c.kind())) return "case.overdue";
        return null;
    }
}
