package cn.xuncha.cases.notify;

import cn.xuncha.cases.CaseChange;
import cn.xuncha.cases.CasesConfig.WebhookConfig;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON POST of new / rebound / overdue cases to a 数字城管 hand-off URL, signed, retried with exponential backoff. */
final class WebhookNotifier implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
    private final Vertx vertx;
    private final WebhookConfig config;
    private final WebClient client;

    WebhookNotifier(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.client = WebClient.create(vertx);
    }

    @Override
    public void notify(CaseChange c) {
        String event = Notifier.eventOf(c);
        if (event == null) return;
        JsonObject body = new JsonObject().put("event", event).put("sentAt", Instant.now().toString())
                .put("case", new JsonObject().put("id", c.caseId()).put("state", c.state().name()).put("category", c.category())
                        .put("camera", c.cameraId()).put("point", c.pointId()).put("unit", c.unit()).put("rebound", c.rebound()));
        Buffer bytes = body.toBuffer();
        // the same bytes on every attempt, so the receiver can dedup on (event, case.id)
        vertx.runOnContext(v -> attempt(bytes, event, c.caseId(), 1));
    }

    private void attempt(Buffer body, String event, long caseId, int n) {
        client.postAbs(config.url())
                .putHeader("Content-Type", "application/json")
                .putHeader(WebhookSigner.HEADER, WebhookSigner.sign(config.secret(), body.getBytes()))
                .putHeader("X-Xuncha-Event", event)
                .timeout(10_000)
                .sendBuffer(body)
                .onComplete(ar -> {
                    int status = ar.succeeded() ? ar.result().statusCode() : -1;
                    if (status >= 200 && status < 300) return;
                    String why = ar.succeeded() ? "HTTP " + status : ar.cause().getMessage();
                    if (n >= config.maxAttempts()) {
                        LOG.error("webhook {} for case {} given up after {} attempts: {}", event, caseId, n, why);
                        return;
                    }
                    long delay = config.initialBackoff().toMillis() << Math.min(n - 1, 10);
                    LOG.warn("webhook {} for case {} failed ({}); retry {} in {} ms", event, caseId, why, n + 1, delay);
                    vertx.setTimer(Math.max(1, delay), t -> attempt(body, event, caseId, n + 1));
                });
    }

    @Override
    public void close() {
        client.close();
    }
}
