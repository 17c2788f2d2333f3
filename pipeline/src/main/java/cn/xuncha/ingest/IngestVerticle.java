package cn.xuncha.ingest;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link CameraSupervisor} per configured camera on a dedicated Vert.x worker pool, publishes health
 * changes, keeps the cluster-wide health map fresh, and answers latest-frame requests for its cameras.
 */
public final class IngestVerticle extends VerticleBase {
    private static final long HEALTH_REFRESH_MS = 2000;
    private final XunchaConfig config;
    private final SampleHandoff handoff;
    private final MeterRegistry registry;
    private final List<CameraSupervisor> supervisors = new ArrayList<>();
    private final SnapshotCache snapshots = new SnapshotCache();
    private WorkerExecutor pool;
    private AsyncMap<String, String> healthMap;

    public IngestVerticle(XunchaConfig config, SampleHandoff handoff, MeterRegistry registry) {
        this.config = config;
        this.handoff = handoff;
        this.registry = registry;
    }

    @Override
    public Future<?> start() {
        FfmpegLogging.quiet();
        int cameras = (int) config.cameras().count();
        // one long-lived blocking loop per camera; the pool is sized so no camera waits for a thread
        pool = vertx.createSharedWorkerExecutor("xuncha-ingest", Math.max(1, cameras), 3650, TimeUnit.DAYS);
        return vertx.sharedData().<String, String>getAsyncMap(Addresses.HEALTH_MAP).onSuccess(m -> {
            healthMap = m;
            Random seeds = new Random();
            for (PointConfig p : config.points()) {
                for (CameraConfig c : p.cameras()) startCamera(p, c, seeds.nextLong());
            }
            vertx.setPeriodic(HEALTH_REFRESH_MS, id -> supervisors.forEach(s -> putHealth(s.health())));
        });
    }

    private void startCamera(PointConfig point, CameraConfig camera, long seed) {
        SourceSettings settings = SourceSettings.of(point.id(), camera, config.ingest());
        Backoff backoff = new Backoff(config.ingest().backoffMin(), config.ingest().backoffMax(), new Random(seed));
        CameraSupervisor sup = new CameraSupervisor(settings, camera.maskedUrl(), backoff,
                FrameSources.factory(config.ingest().rtspClient()),
                new CameraSupervisor.Listener() {
                    @Override
                    public void onHealth(CameraHealth h) {
                        vertx.eventBus().publish(Addresses.CAMERA_HEALTH, CameraHealthJson.toJson(h));
                        putHealth(h);
                    }

                    @Override
                    public void onSample(FrameSample sample) {
                        snapshots.update(sample);
                        handoff.offer(sample);
                    }
                }, Clock.systemUTC());
        supervisors.add(sup);
        CameraMetrics.register(registry, sup, point.id());
        vertx.eventBus().<Object>consumer(Addresses.CAMERA_SNAPSHOT_PREFIX + camera.id(), msg -> {
            byte[] jpeg = snapshots.jpeg(camera.id());
            if (jpeg == null) msg.fail(404, "no frame yet from camera " + camera.id());
            else msg.reply(Buffer.buffer(jpeg));
        });
        pool.executeBlocking(() -> {
            sup.run();
            return null;
        }, false);
    }

    private void putHealth(CameraHealth h) {
        if (healthMap != null) healthMap.put(h.cameraId(), CameraHealthJson.toJson(h).encode());
    }

    /** Live health of this node's cameras (for tests and benches in the same JVM). */
    public List<CameraHealth> health() {
        return supervisors.stream().map(CameraSupervisor::health).toList();
    }

    @Override
    public Future<?> stop() {
        supervisors.forEach(CameraSupervisor::stop);
        return pool.close().eventually(() -> {
            handoff.clear();
            snapshots.close();
            return Future.succeededFuture();
        });
    }
}
