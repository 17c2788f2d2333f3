package cn.xuncha;

import cn.xuncha.analysis.AnalysisVerticle;
import cn.xuncha.analysis.AnalyzerSettings;
import cn.xuncha.analysis.CropClassifiers;
import cn.xuncha.cases.web.CaseRoutes;
import cn.xuncha.cases.web.CasesVerticle;
import cn.xuncha.cases.store.Database;
import cn.xuncha.config.XunchaConfig;
import cn.xuncha.report.ReportRoutes;
import cn.xuncha.scan.ScanVerticle;
import cn.xuncha.ingest.CameraRoutes;
import cn.xuncha.ingest.IngestVerticle;
import cn.xuncha.ingest.SampleHandoff;
import cn.xuncha.review.HttpServerVerticle;
import cn.xuncha.review.MetricsRoutes;
import cn.xuncha.review.ReviewRoutes;
import cn.xuncha.review.RouteContributor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
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
    private CasesVerticle cases;
    private ScanVerticle scan;
    private Database webDb;
    private ReviewRoutes review;
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

    /** Consumers before producers, so no finding is sent before its stage listens: cases, analysis, ingest, web. */
    private Future<?> deploy() {
        cases = new CasesVerticle(config, config.cases(), Clock.systemUTC());
        AnalysisVerticle analysis = new AnalysisVerticle(config, handoff, AnalyzerSettings.defaults(), CropClassifiers::loadDefault);
        ingest = new IngestVerticle(config, handoff, registry);
        scan = new ScanVerticle(config, config.scan(), cases::service, CropClassifiers.loadDefault(), Clock.systemUTC());
        return vertx.deployVerticle(cases)
                .compose(id -> vertx.deployVerticle(analysis))
                .compose(id -> vertx.deployVerticle(ingest))
                .compose(id -> vertx.deployVerticle(scan))
                // TODO(cases): share the cases pool once CasesVerticle exposes its Database; a second small pool is correct meanwhile
                .compose(id -> vertx.executeBlocking(() -> webDb = Database.open(config.storage())))
                .compose(db -> {
                    List<RouteContributor> routes = new ArrayList<>();
                    review = new ReviewRoutes(vertx, config, cases.service(), db.dataSource(), Clock.systemUTC());
                    routes.add(review); // first: its session, login and scope guards must run before every other /api route
                    routes.add(new CameraRoutes(vertx, config));
                    routes.add(new CaseRoutes(vertx, cases.service(), Clock.systemUTC()));
                    routes.add(new ReportRoutes(vertx, scan::reports));
                    routes.add(new MetricsRoutes(registry));
                    http = new HttpServerVerticle(config.server(), routes);
                    return vertx.deployVerticle(http);
                });
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

    public CasesVerticle cases() {
        return cases;
    }

    /** The web app's routes (account store for the CLI and demo accounts). */
    public ReviewRoutes review() {
        return review;
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(30, TimeUnit.SECONDS);
        if (webDb != null) webDb.close();
        registry.close();
    }
}
