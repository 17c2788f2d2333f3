package cn.xuncha.review;

import io.vertx.ext.web.Router;

/** A stage's HTTP routes; the HTTP server mounts every contributor on one router. */
@FunctionalInterface
public interface RouteContributor {
    void mount(Router router);
}
