package cn.xuncha.cases.notify;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CasesConfig;
import io.vertx.core.Vertx;

/** Hands case news (new, rebound, overdue) to outside systems. Implementations must not block the caller. */
public interface Notifier extends AutoCloseable {
    void notify(CaseChange change);

    @Override
    default void close() {}

    /** The notifiers the config asks for (webhook when {@code cases.webhook} is set), or one that does nothing. */
    static Notifier create(Vertx vertx, CasesConfig config) {
        if (config.webhook() == null) return change -> { };
        return new WebhookNotifier(vertx, config.webhook());
    }

    /** The event name a change is announced under, or null when it is not news for outside systems. */
    static String eventOf(CaseChange c) {
        if ("OPENED".equals(c.kind())) return c.rebound() ? "case.rebound" : "case.new";
        if ("OVERDUE".equals(c.kind())) return "case.overdue";
        return null;
    }
}
