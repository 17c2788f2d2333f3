package cn.xuncha;

import cn.xuncha.analysis.AnalysisVerticle;
import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CropClassifier;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.ingest.CameraRoutes;
import cn.xuncha.ingest.IngestVerticle;
import cn.xuncha.ingest.SampleHandoff;
import cn.xuncha.review.HttpServerVerticle;
import cn.xuncha.review.MetricsRoutes;
import cn.xuncha.review.RouteContributor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One xuncha node: a Vert.x instance with the stages deployed in pipeline order — ingest, analysis, cases, then the
 * web server that exposes them. Deployment stops at the first failure so a bad node never half-runs.
 */
public final class XunchaNode implements AutoCloseable {
    private final Vertx vertx;
    private final XunchaConfig config;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final SampleHandoff handoff = new SampleHandoff();
    private IngestVerticle ingest;
    private HttpServerVerticle http;

    private XunchaNode(Vertx vertx, XunchaConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Starts a standalone (non-clustered) node and waits until every stage is up or one failed. */
    public static XunchaNode start(XunchaConfig config) throws Exception {
        XunchaNode node = new XunchaNode(Vertx.vertx(), config);
        try {
            node.deploy().await(120, TimeUnit.SECONDS);
            return node;
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }

    private Future<?> deploy() {
        ingest = new IngestVerticle(config, handoff, registry);
        AnalysisVerticle analysis = new AnalysisVerticle(config, handoff, AnalyzerSettings.defaults(), XunchaNode::zoneRulesOnly);
        List<RouteContributor> routes = new ArrayList<>();
        routes.add(new CameraRoutes(vertx, config));
        routes.add(new MetricsRoutes(registry));
        http = new HttpServerVerticle(config.server(), routes);
        return vertx.deployVerticle(ingest)
                .compose(id -> vertx.deployVerticle(analysis))
                .compose(id -> vertx.deployVerticle(http));
    }

    /** Until the garbage model is wired in: every crop scores 0, so only zone rules raise findings. */
    private static CropClassifier zoneRulesOnly() {
        return new CropClassifier() {
            @Override
            public float[] score(java.util.List<org.bytedeco.opencv.opencv_core.Mat> crops) {
                return new float[crops.size()];
            }

            @Override
            public double threshold() {
                return 1.0;
            }
        };
    }

    public Vertx vertx() {
        return vertx;
    }

    public int httpPort() {
        return http.port();
    }

    public IngestVerticle ingest() {
        return ingest;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
        registry.close();
    }
}
