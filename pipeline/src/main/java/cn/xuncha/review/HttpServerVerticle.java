package cn.xuncha.review;

import cn.xuncha.config.ServerConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one HTTP server of a node: JSON API, metrics and the web app, assembled from the stages' route contributors. */
public final class HttpServerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServerVerticle.class);
    private static final long MAX_BODY = 12L * 1024 * 1024; // rectification photos are the largest bodies
    private final ServerConfig server;
    private final List<RouteContributor> contributors;
    private HttpServer http;

    public HttpServerVerticle(ServerConfig server, List<RouteContributor> contributors) {
        this.server = server;
        this.contributors = List.copyOf(contributors);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        contributors.forEach(c -> c.mount(router));
        router.route("/api/*").last().handler(ctx -> ApiErrors.send(ctx, 404, "no such API route: " + ctx.request().path()));
        router.route().failureHandler(ApiErrors::onFailure);
        return vertx.createHttpServer().requestHandler(router).listen(server.port(), server.host()).onSuccess(s -> {
            http = s;
            LOG.info("web on http://{}:{}/", server.host(), s.actualPort());
        });
    }

    /** The bound port (useful when configured as 0). */
    public int port() {
        return http == null ? -1 : http.actualPort();
    }
}
