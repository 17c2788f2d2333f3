package cn.xuncha.review;

import io.vertx.core.json.JsonObject;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One browser-like API client: its own cookie jar, and the CSRF token from login sent on writes. */
final class ApiClient {
    final String base;
    private final HttpClient http;
    String csrf;

    ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static ApiClient loggedIn(String base, String name) throws Exception {
        ApiClient c = new ApiClient(base);
        HttpResponse<String> r = c.login(name, WebFixture.PASSWORD);
        if (r.statusCode() != 200) throw new IllegalStateException("login " + name + ": " + r.statusCode() + " " + r.body());
        return c;
    }

    HttpResponse<String> login(String name, String password) throws Exception {
        HttpResponse<String> r = send("POST", "/api/login", new JsonObject().put("name", name).put("password", password).encode(), false);
        if (r.statusCode() == 200) csrf = new JsonObject(r.body()).getString("csrf");
        return r;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send("POST", path, json, true);
    }

    HttpResponse<String> send(String method, String path, String json, boolean withCsrf) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        if (withCsrf && csrf != null) b.header(ApiGuard.CSRF_HEADER, csrf);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> transition(long id, JsonObject body) throws Exception {
        return post("/api/cases/" + id + "/transitions", body.encode());
    }
}
