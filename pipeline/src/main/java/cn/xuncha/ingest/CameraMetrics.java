package cn.xuncha.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;

/** Prometheus meters for one camera, read from its supervisor's live health (no extra bookkeeping). */
final class CameraMetrics {
    private CameraMetrics() {}

    static void register(MeterRegistry registry, CameraSupervisor sup, String pointId) {
        Tags tags = Tags.of("camera", sup.cameraId(), "point", pointId);
        for (HealthState s : HealthState.values()) {
            Gauge.builder("xuncha.camera.state", sup, x -> x.health().state() == s ? 1 : 0)
                    .tags(tags.and("state", s.name())).description("1 for the camera's current state").register(registry);
        }
        FunctionCounter.builder("xuncha.camera.frames", sup, x -> x.health().frames()).tags(tags)
                .description("samples delivered").register(registry);
        FunctionCounter.builder("xuncha.camera.reconnects", sup, x -> x.health().reconnects()).tags(tags)
                .description("reconnect attempts").register(registry);
        FunctionCounter.builder("xuncha.camera.received", sup, x -> x.health().bytesRead()).tags(tags)
                .baseUnit("bytes").description("compressed bytes received").register(registry);
        Gauge.builder("xuncha.camera.last.frame.age", sup, x -> age(x.health().lastFrameAt())).tags(tags)
                .baseUnit("seconds").description("seconds since the last sample (NaN before the first)").register(registry);
    }

    private static double age(Instant last) {
        return last == null ? Double.NaN : Duration.between(last, Instant.now()).toMillis() / 1000.0;
    }
}
