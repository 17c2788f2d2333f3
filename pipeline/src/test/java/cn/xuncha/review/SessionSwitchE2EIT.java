package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * One browser shared by two people in turn: a reply that the server sent while nobody was logged in (a view's timer
 * firing after the reviewer logged out) arrives after the unit user logged in, and must not log the unit user out.
 */
class SessionSwitchE2EIT {
    @TempDir Path dir;

    @Test
    void aLate401FromBeforeTheLoginDoesNotEndTheNewSession() throws Exception {
        try (WebFixture web = new WebFixture(dir.resolve("node")); Browser b = new Browser(web.base, dir.resolve("profile"))) {
            try {
                run(web, b);
            } catch (Throwable t) {
                b.screenshot("session-switch-failure");
                Files.writeString(Browser.SHOTS.resolve("session-switch-failure.html"), b.driver.getPageSource());
                throw t;
            }
        }
    }

    private void run(WebFixture web, Browser b) throws Exception {
        long c = web.raise("cam1", "P1", 1, "exposed_garbage", 1);
        ApiClient rev = ApiClient.loggedIn(web.base, "rev");
        assertEquals(200, rev.transition(c, new JsonObject().put("action", "CONFIRM").put("actor", "rev")).statusCode());
        assertEquals(200, rev.transition(c, new JsonObject().put("action", "DISPATCH").put("actor", "rev")
                .put("deadline", Instant.now().plusSeconds(7200).toString())).statusCode());

        b.open("");
        b.login("rev", WebFixture.PASSWORD);
        b.visible("#filter-state"); // the queue view, empty: the one case is already dispatched
        b.logout();

        // a request leaves while logged out and is answered 401 at once; the page only sees the answer when released
        Object sent = b.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/api.js').then(m => {
                  const real = window.fetch;
                  let release;
                  window.__hold = new Promise(r => { release = r; });
                  window.__release = release;
                  window.fetch = (...a) => { window.fetch = real; const r = real(...a); r.then(x => done(x.status)); return window.__hold.then(() => r); };
                  window.__late = m.api.get('/api/cases?limit=1').then(() => 'ok', e => e.status);
                });""");
        assertEquals(401L, sent, "the held request was answered while nobody was logged in");

        b.login("u1", WebFixture.PASSWORD);
        b.visible("#unit-assigned #unit-case-" + c);
        Object late = b.driver.executeAsyncScript("const done = arguments[arguments.length - 1]; window.__release(); window.__late.then(done);");
        assertEquals(401L, late, "the page saw the late 401");

        assertTrue(b.driver.findElements(By.id("login-form")).isEmpty(), "the unit user is still logged in");
        assertTrue(b.driver.findElement(By.id("top")).isDisplayed(), "the header is still shown");
        assertTrue(b.driver.findElement(By.id("unit-case-" + c)).isDisplayed(), "the unit's case is still listed");
    }
}
