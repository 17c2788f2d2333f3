package cn.xuncha.analysis;

import cn.xuncha.config.CameraConfig;
import cn.xuncha.config.PointConfig;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.ingest.FrameSample;
import cn.xuncha.ingest.SampleHandoff;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each camera's {@link CameraAnalyzer} on this node's samples (at most one analysis in flight per camera,
 * latest frame wins) and sends the findings to {@value #FINDINGS}. Owner of that address's producer side.
 */
public final class AnalysisVerticle extends VerticleBase {
    public static final String FINDINGS = "xuncha.findings";
    private static final Logger LOG = LoggerFactory.getLogger(AnalysisVerticle.class);
    private final XunchaConfig config;
    private final SampleHandoff handoff;
    private final AnalyzerSettings settings;
    private final Supplier<CropClassifier> classifiers;
    private final Map<String, CameraAnalyzer> analyzers = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> busy = new ConcurrentHashMap<>();
    private CropClassifier classifier;
    private WorkerExecutor pool;

    public AnalysisVerticle(XunchaConfig config, SampleHandoff handoff, AnalyzerSettings settings, Supplier<CropClassifier> classifiers) {
        this.config = config;
        this.handoff = handoff;
        this.settings = settings;
        this.classifiers = classifiers;
    }

    @Override
    public Future<?> start() {
        // cameras are the parallelism: OpenCV's own thread pool would only fight the analysis workers for cores
        org.bytedeco.opencv.global.opencv_core.setNumThreads(1);
        pool = vertx.createSharedWorkerExecutor("xuncha-analysis", Math.max(1, Runtime.getRuntime().availableProcessors()), 60, TimeUnit.SECONDS);
        return vertx.executeBlocking(classifiers::get).onSuccess(c -> {
            classifier = new SerializedClassifier(c);
            LOG.info("analysis: classifier {}", classifier.describe());
            for (PointConfig p : config.points()) {
                for (CameraConfig cam : p.cameras()) {
                    analyzers.put(cam.id(), new CameraAnalyzer(cam.id(), p.id(), cam.zones(), settings, classifier));
                    busy.put(cam.id(), new AtomicBoolean());
                }
            }
            handoff.onReady(this::schedule);
        });
    }

    /** Called on a grab thread when a sample waits; starts a drain unless one is running for that camera. */
    private void schedule(String cameraId) {
        AtomicBoolean flag = busy.get(cameraId);
        if (flag == null || !flag.compareAndSet(false, true)) return;
        pool.executeBlocking(() -> drain(cameraId), false).onComplete(r -> {
            flag.set(false);
            if (r.failed()) LOG.warn("analysis of camera {} failed: {}", cameraId, r.cause().toString());
            if (handoff.hasSample(cameraId)) schedule(cameraId); // a sample arrived between the last take and the reset
        });
    }

    private Void drain(String cameraId) {
        CameraAnalyzer analyzer = analyzers.get(cameraId);
        FrameSample sample;
        while ((sample = handoff.take(cameraId)) != null) {
            List<Finding> findings;
            try (FrameSample s = sample) {
                findings = analyzer.analyze(s);
            }
            for (Finding f : findings) vertx.eventBus().send(FINDINGS, FindingJson.encode(f));
        }
        return null;
    }

    @Override
    public Future<?> stop() {
        handoff.onReady(id -> {});
        return pool.close().eventually(() -> {
            analyzers.values().forEach(CameraAnalyzer::close);
            if (classifier != null) classifier.close();
            return Future.succeededFuture();
        });
    }
}
