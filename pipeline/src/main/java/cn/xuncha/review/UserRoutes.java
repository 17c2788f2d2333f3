package cn.xuncha.review;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Admin user management: GET /api/users, POST /api/users {name, role, unit, password}. */
public final class UserRoutes implements RouteContributor {
    private final Vertx vertx;
    private final UserStore users;

    public UserRoutes(Vertx vertx, UserStore users) {
        this.vertx = vertx;
        this.users = users;
    }

    @Override
    public void mount(Router router) {
        router.get("/api/users").handler(this::list);
        router.post("/api/users").handler(this::add);
    }

    private void list(RoutingContext ctx) {
        vertx.executeBlocking(users::list, false).onSuccess(list -> {
            JsonArray out = new JsonArray();
            list.forEach(a -> out.add(SessionUser.json(a)));
            ctx.json(out);
        }).onFailure(ctx::fail);
    }

    private void add(RoutingContext ctx) {
        JsonObject j = RequestJson.object(ctx);
        String name = RequestJson.string(j, "name", 64);
        Role role = Role.parse(RequestJson.string(j, "role", 20));
        String unit = RequestJson.string(j, "unit", 200);
        String password = RequestJson.string(j, "password", 256);
        if (password == null) throw new IllegalArgumentException("password is required");
        Account.validate(name, role, unit);
        vertx.executeBlocking(() -> users.add(name, role, unit, password.toCharArray()), false)
                .onSuccess(a -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
                        .end(SessionUser.json(a).encode()))
                .onFailure(e -> {
                    if (e instanceof IllegalArgumentException) ApiErrors.send(ctx, e.getMessage().contains("already exists") ? 409 : 400, e.getMessage());
                    else ctx.fail(e);
                });
    }
}
