package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The web API's security against a real node: login, roles, unit scope, CSRF, bad input, evidence path traversal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewApiIT {
    @TempDir static Path dir;
    WebFixture web;
    long case1, case2;

    @BeforeAll
    void start() throws Exception {
        web = new WebFixture(dir);
        case1 = web.raise("cam1", "P1", 1, "exposed_garbage", 1);
        case2 = web.raise("cam2", "P2", 2, "litter", 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (web != null) web.close();
    }

    @Test
    void unauthenticatedRequestsGet401ButTheOpenApiFileIsPublic() throws Exception {
        ApiClient anon = new ApiClient(web.base);
        for (String path : new String[] {"/api/cases", "/api/cases/" + case1, "/api/board", "/api/cameras/cam1/latest.jpg", "/api/events", "/api/users",
                "/api/session", "/api/evidence/" + "a".repeat(64) + ".jpg", "/api/no-such-route"}) {
            HttpResponse<String> r = anon.get(path);
            assertEquals(401, r.statusCode(), path + " → " + r.body());
            assertTrue(r.body().contains("login required"), r.body());
        }
        assertEquals(401, anon.post("/api/cases/" + case1 + "/transitions", "{\"action\":\"CONFIRM\",\"actor\":\"rev\"}").statusCode());
        HttpResponse<String> spec = anon.get("/api/openapi.yaml");
        assertEquals(200, spec.statusCode());
        assertTrue(spec.body().contains("/api/cases/{id}/transitions"), "the spec documents the API");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> r = new ApiClient(web.base).login("rev", WebFixture.PASSWORD);
        assertEquals(200, r.statusCode(), r.body());
        String cookie = r.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(cookie.startsWith("xuncha.sid="), cookie);
        assertTrue(cookie.contains("HTTPOnly") || cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(r.body().contains("password"), "no password material in the response");
    }

    @Test
    void wrongRolesGet403() throws Exception {
        ApiClient rev = ApiClient.loggedIn(web.base, "rev");
        ApiClient u1 = ApiClient.loggedIn(web.base, "u1");
        assertEquals(403, rev.get("/api/users").statusCode());
        assertEquals(403, rev.post("/api/users", "{\"name\":\"x\",\"role\":\"admin\",\"password\":\"12345678\"}").statusCode());
        assertEquals(200, u1.get("/api/cameras").statusCode(), "camera health is public");
        assertEquals(403, u1.get("/api/cameras/cam1/latest.jpg").statusCode());
        HttpResponse<String> confirm = u1.transition(case1, new JsonObject().put("action", "CONFIRM").put("actor", "u1"));
        assertEquals(403, confirm.statusCode(), confirm.body());
        HttpResponse<String> rectify = rev.transition(case1, new JsonObject().put("action", "RECTIFY").put("actor", "rev").put("note", "x"));
        assertEquals(403, rectify.statusCode(), rectify.body());
        HttpResponse<String> spoof = rev.transition(case1, new JsonObject().put("action", "CONFIRM").put("actor", "adm"));
        assertEquals(403, spoof.statusCode(), "actor must be the logged-in user: " + spoof.body());
        assertEquals(200, ApiClient.loggedIn(web.base, "adm").get("/api/users").statusCode());
    }

    @Test
    void unitUsersSeeOnlyTheirOwnUnit() throws Exception {
        ApiClient u2 = ApiClient.loggedIn(web.base, "u2");
        JsonArray items = new JsonObject(u2.get("/api/cases?state=").body()).getJsonArray("items");
        assertFalse(items.isEmpty());
        items.forEach(o -> assertEquals(WebFixture.UNIT2, ((JsonObject) o).getString("unit")));
        assertEquals(403, u2.get("/api/cases?unit=" + URLEncoder.encode(WebFixture.UNIT1, StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> other = u2.get("/api/cases/" + case1);
        assertEquals(403, other.statusCode(), other.body());
        assertEquals(200, u2.get("/api/cases/" + case2).statusCode());

        String frame1 = evidence(ApiClient.loggedIn(web.base, "rev"), case1, "frame");
        String frame2 = evidence(u2, case2, "frame");
        assertEquals(200, u2.getBytes(frame2 + "?case=" + case2).statusCode());
        assertEquals(403, u2.getBytes(frame1 + "?case=" + case1).statusCode(), "another unit's case");
        assertEquals(403, u2.getBytes(frame1 + "?case=" + case2).statusCode(), "evidence not of the named case");
        assertEquals(403, u2.getBytes(frame1).statusCode(), "unit users must name the case");

        JsonArray board = new JsonObject(u2.get("/api/board").body()).getJsonArray("units");
        assertEquals(1, board.size());
        assertEquals(WebFixture.UNIT2, board.getJsonObject(0).getString("unit"));
    }

    @Test
    void stateChangesNeedTheSessionsCsrfToken() throws Exception {
        long id = web.raise("cam1", "P1", 10, "piling", 10);
        ApiClient rev = ApiClient.loggedIn(web.base, "rev");
        String body = new JsonObject().put("action", "CONFIRM").put("actor", "rev").encode();
        HttpResponse<String> none = rev.send("POST", "/api/cases/" + id + "/transitions", body, false);
        assertEquals(403, none.statusCode());
        assertTrue(none.body().contains("CSRF"), none.body());
        String good = rev.csrf;
        rev.csrf = "0".repeat(good.length());
        assertEquals(403, rev.post("/api/cases/" + id + "/transitions", body).statusCode());
        rev.csrf = ApiClient.loggedIn(web.base, "u1").csrf;
        assertEquals(403, rev.post("/api/cases/" + id + "/transitions", body).statusCode(), "another session's token");
        rev.csrf = good;
        HttpResponse<String> ok = rev.post("/api/cases/" + id + "/transitions", body);
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("CONFIRMED", new JsonObject(ok.body()).getString("state"));
        // the decision is written after the response has gone out (CaseScope's end handler), so it may land a moment later
        int decisions = 0;
        for (long until = System.nanoTime() + 5_000_000_000L; decisions < 1 && System.nanoTime() < until; Thread.sleep(20)) {
            decisions = new JsonObject(rev.get("/api/session").body()).getInteger("decisionsToday");
        }
        assertTrue(decisions >= 1, "decision recorded for the user");
    }

    @Test
    void badInputGets400WithAMessage() throws Exception {
        long id = web.raise("cam1", "P1", 20, "piling", 20);
        ApiClient rev = ApiClient.loggedIn(web.base, "rev");
        assertBad(rev.post("/api/cases/" + id + "/transitions", "{\"action\": \"CONFIRM\", "), "malformed JSON");
        assertBad(rev.post("/api/cases/" + id + "/transitions", "[1,2]"), "JSON object");
        assertBad(rev.transition(id, new JsonObject().put("action", "FLY").put("actor", "rev")), "unknown action");
        assertBad(rev.transition(id, new JsonObject().put("action", "CONFIRM").put("actor", "rev").put("category", "ufo")), "unknown category");
        assertBad(rev.transition(id, new JsonObject().put("action", "CONFIRM").put("actor", "rev").put("note", "x".repeat(2001))), "at most 2000");
        assertBad(rev.get("/api/cases?limit=5000"), "limit");
        assertBad(rev.get("/api/cases?state=FLYING"), "unknown case state");
        assertBad(rev.get("/api/cases/abc"), "case id must be a number");
        assertEquals(200, rev.transition(id, new JsonObject().put("action", "CONFIRM").put("actor", "rev")).statusCode());
        JsonObject dispatch = new JsonObject().put("action", "DISPATCH").put("actor", "rev").put("unit", WebFixture.UNIT1);
        assertBad(rev.transition(id, dispatch.copy().put("deadline", Instant.now().plus(400, ChronoUnit.DAYS).toString())), "within 90 days");
        assertBad(rev.transition(id, dispatch.copy().put("deadline", "tomorrow")), "ISO-8601");
        assertBad(rev.transition(id, dispatch.copy().put("deadline", Instant.now().minusSeconds(60).toString())), "not in the future");
        assertBad(rev.transition(id, dispatch.copy().put("unit", "火星街道").put("deadline", Instant.now().plusSeconds(3600).toString())), "unknown unit");
        assertEquals(200, rev.transition(id, dispatch.copy().put("deadline", Instant.now().plusSeconds(3600).toString())).statusCode());

        ApiClient u1 = ApiClient.loggedIn(web.base, "u1");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        JsonObject rectify = new JsonObject().put("action", "RECTIFY").put("actor", "u1").put("note", "清理完毕");
        assertBad(u1.transition(id, rectify.copy().put("photo", Base64.getEncoder().encodeToString(png))), "must be a JPEG image (got PNG)");
        assertBad(u1.transition(id, rectify.copy().put("photo", "not base64 !!")), "base64");
        assertBad(u1.transition(id, rectify.copy().put("photo", Base64.getEncoder().encodeToString(new byte[PhotoCheck.MAX_BYTES + 10]))), "larger than");
        HttpResponse<String> form = u1.send("POST", "/api/cases/" + id + "/transitions", "action=RECTIFY", true);
        HttpResponse<String> formTyped = rawForm(u1, id);
        assertEquals(415, formTyped.statusCode(), "form posts refused: " + formTyped.body());
        assertEquals(400, form.statusCode(), form.body());
        HttpResponse<String> ok = u1.transition(id, rectify.copy().put("photo", Base64.getEncoder().encodeToString(WebFixture.crop(3))));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("RECTIFIED", new JsonObject(ok.body()).getString("state"));
    }

    @Test
    void evidenceUrlsCannotEscapeTheEvidenceStore() throws Exception {
        ApiClient adm = ApiClient.loggedIn(web.base, "adm");
        for (String path : new String[] {"/api/evidence/..%2F..%2Fxuncha.mv.db", "/api/evidence/%2e%2e%2f%2e%2e%2fxuncha.mv.db",
                "/api/evidence/..%5C..%5Cxuncha.mv.db", "/api/evidence/" + "a".repeat(63) + "%2F.jpg",
                "/api/evidence/../../../etc/passwd", "/api/evidence/" + "A".repeat(64) + ".jpg", "/api/evidence/x.jpg%00.png"}) {
            HttpResponse<String> r = adm.get(path);
            assertNotEquals(200, r.statusCode(), path + " served " + r.body());
            assertFalse(r.body().contains("root:"), path);
            assertFalse(r.body().startsWith("H2"), path);
        }
        assertEquals(404, adm.get("/api/evidence/" + "a".repeat(64) + ".jpg").statusCode(), "well-formed but unknown");
        assertEquals(200, adm.getBytes(evidence(adm, case1, "frame")).statusCode());
    }

    @Test
    void loginIsRateLimitedPerUserAndAddress() throws Exception {
        web.node.review().users().add("victim", Role.REVIEWER, null, WebFixture.PASSWORD.toCharArray());
        ApiClient c = new ApiClient(web.base);
        for (int i = 0; i < 5; i++) assertEquals(401, c.login("victim", "wrong-password-" + i).statusCode());
        HttpResponse<String> blocked = c.login("victim", WebFixture.PASSWORD);
        assertEquals(429, blocked.statusCode(), "even the right password waits: " + blocked.body());
        assertTrue(blocked.headers().firstValue("retry-after").isPresent());
        assertEquals(200, new ApiClient(web.base).login("rev", WebFixture.PASSWORD).statusCode(), "other users unaffected");
        assertEquals(401, new ApiClient(web.base).login("nobody", WebFixture.PASSWORD).statusCode());
    }

    @Test
    void adminAddsUsersWithValidation() throws Exception {
        ApiClient adm = ApiClient.loggedIn(web.base, "adm");
        assertBad(adm.post("/api/users", "{\"name\":\"u9\",\"role\":\"unit\",\"password\":\"12345678\"}"), "unit is required");
        assertBad(adm.post("/api/users", "{\"name\":\"u9\",\"role\":\"boss\",\"password\":\"12345678\"}"), "unknown role");
        assertBad(adm.post("/api/users", "{\"name\":\"u9\",\"role\":\"reviewer\",\"password\":\"short\"}"), "at least 8");
        HttpResponse<String> ok = adm.post("/api/users", "{\"name\":\"rev9\",\"role\":\"reviewer\",\"password\":\"12345678\"}");
        assertEquals(201, ok.statusCode(), ok.body());
        assertEquals(409, adm.post("/api/users", "{\"name\":\"rev9\",\"role\":\"reviewer\",\"password\":\"12345678\"}").statusCode());
        assertEquals(200, new ApiClient(web.base).login("rev9", "12345678").statusCode());
    }

    private static HttpResponse<String> rawForm(ApiClient c, long id) throws Exception {
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(c.base + "/api/cases/" + id + "/transitions"))
                .header("Content-Type", "application/x-www-form-urlencoded").header(ApiGuard.CSRF_HEADER, c.csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("action=RECTIFY")).build();
        return java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static String evidence(ApiClient c, long id, String kind) throws Exception {
        HttpResponse<String> r = c.get("/api/cases/" + id);
        assertEquals(200, r.statusCode(), r.body());
        String url = new JsonObject(r.body()).getJsonObject("evidence").getString(kind);
        assertTrue(url != null && url.startsWith("/api/evidence/"), r.body());
        return url;
    }

    private static void assertBad(HttpResponse<String> r, String expected) {
        assertEquals(400, r.statusCode(), r.body());
        String msg = new JsonObject(r.body()).getString("error");
        assertTrue(msg.contains(expected), "expected '" + expected + "' in: " + msg);
    }
}
