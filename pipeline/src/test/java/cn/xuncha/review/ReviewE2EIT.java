package cn.xuncha.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The whole lifecycle in a real headless Chromium against a real node: a reviewer logs in and works the queue with
 * the keyboard (J/K, Y confirm, N dismiss, D dispatch), the unit user sees only its unit and marks the case rectified
 * with a note and a photo, the reviewer verifies and closes it.
 */
class ReviewE2EIT {
    @TempDir Path dir;

    @Test
    void reviewerConfirmsAndDispatchesUnitRectifiesReviewerCloses() throws Exception {
        try (WebFixture web = new WebFixture(dir.resolve("node")); Browser b = new Browser(web.base, dir.resolve("profile"))) {
            try {
                run(web, b);
            } catch (Throwable t) {
                b.screenshot("failure");
                Files.writeString(Browser.SHOTS.resolve("failure.html"), b.driver.getPageSource());
                throw t;
            }
        }
    }

    private void run(WebFixture web, Browser b) throws Exception {
        long other = web.raise("cam2", "P2", 1, "litter", 1);
        long c1 = web.raise("cam1", "P1", 1, "exposed_garbage", 1);
        long c2 = web.raise("cam1", "P1", 2, "piling", 2);
        long c3 = web.raise("cam1", "P1", 3, "exposed_garbage", 3); // newest: first in the queue

        b.open("");
        b.screenshot("login");
        b.login("rev", WebFixture.PASSWORD);
        b.visible("#case-row-" + c1);
        assertEquals(4, b.driver.findElements(By.cssSelector("#queue-list .row")).size(), "all four pending cases");
        b.visible("#fig-after img");
        b.screenshot("queue");

        // newest first: c3, c2, c1, other. J moves down, K up; the panel follows.
        assertEquals(Long.toString(c3), current(b));
        b.keys("j");
        b.wait.until(x -> current(b).equals(Long.toString(c2)));
        b.keys("k");
        b.wait.until(x -> current(b).equals(Long.toString(c3)));
        b.keys("y"); // confirm c3
        b.gone("#case-row-" + c3);
        b.wait.until(x -> current(b).equals(Long.toString(c2)));
        b.keys("n"); // dismiss c2 with a reason
        b.visible("#dialog");
        new Select(b.driver.findElement(By.id("field-note"))).selectByIndex(1);
        b.driver.findElement(By.id("dialog-ok")).click();
        b.gone("#case-row-" + c2);

        // the confirmed case, in the 已立案 queue: D dispatches it to its unit with a deadline
        new Select(b.visible("#filter-state")).selectByValue("CONFIRMED");
        b.visible("#case-row-" + c3);
        b.wait.until(x -> current(b).equals(Long.toString(c3)));
        b.keys("d");
        b.visible("#dialog");
        assertEquals(WebFixture.UNIT1, new Select(b.driver.findElement(By.id("field-unit"))).getFirstSelectedOption().getText());
        new Select(b.driver.findElement(By.id("field-hours"))).selectByValue("48");
        b.screenshot("dispatch-dialog");
        b.driver.findElement(By.id("dialog-ok")).click();
        b.gone("#case-row-" + c3);
        b.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("today"), "3"));

        // the other unit's case is dispatched too, so the unit view below proves it is filtered out
        ApiClient rev = ApiClient.loggedIn(web.base, "rev");
        assertEquals(200, rev.transition(other, new JsonObject().put("action", "CONFIRM").put("actor", "rev")).statusCode());
        assertEquals(200, rev.transition(other, new JsonObject().put("action", "DISPATCH").put("actor", "rev")
                .put("deadline", Instant.now().plusSeconds(7200).toString())).statusCode());
        b.logout();

        b.login("u1", WebFixture.PASSWORD);
        b.visible("#unit-assigned #unit-case-" + c3);
        assertTrue(b.visible("#unit-case-" + c3 + " .countdown").getText().matches(".*(剩余|left).*"), "deadline countdown");
        assertTrue(b.driver.findElements(By.id("unit-case-" + other)).isEmpty(), "another unit's case is not listed");
        b.screenshot("unit-view");
        b.driver.findElement(By.id("rectify-" + c3)).click();
        b.visible("#dialog");
        b.driver.findElement(By.id("field-note")).sendKeys("已清运，现场恢复整洁");
        b.driver.findElement(By.id("field-photo")).sendKeys(photo().toString());
        b.driver.findElement(By.id("dialog-ok")).click();
        b.visible("#unit-awaiting #unit-case-" + c3);
        b.screenshot("unit-rectified");

        b.open("#/case/" + other); // typed-in URL of another unit's case
        assertTrue(b.visible("#case-error").getText().contains("another unit"), "unit user refused another unit's case");
        b.logout();

        b.login("rev", WebFixture.PASSWORD);
        b.open("#/queue?state=RECTIFIED");
        b.visible("#case-row-" + c3);
        b.wait.until(x -> current(b).equals(Long.toString(c3)));
        b.visible("#panel-head");
        b.keys("y"); // verify and close
        b.gone("#case-row-" + c3);
        b.open("#/case/" + c3);
        b.wait.until(ExpectedConditions.attributeToBe(By.id("case-page"), "data-state", "CLOSED"));
        String history = b.visible("#case-history").getText();
        for (String action : List.of("CONFIRM", "DISPATCH", "RECTIFY", "CLOSE")) assertTrue(history.contains(action), history);
        assertTrue(history.contains("已清运"), "the unit's note is in the history");
        b.screenshot("case-closed");

        JsonObject closed = new JsonObject(rev.get("/api/cases/" + c3).body());
        assertEquals("CLOSED", closed.getString("state"));
        assertTrue(closed.getJsonObject("evidence").containsKey("rectification"), "the unit's photo is stored as JPEG evidence");
        JsonArray events = closed.getJsonArray("history");
        assertEquals("u1", events.stream().map(o -> (JsonObject) o).filter(e -> e.getString("action").equals("RECTIFY")).findFirst()
                .orElseThrow().getString("actor"));
        assertEquals("DISMISSED", new JsonObject(rev.get("/api/cases/" + c2).body()).getString("state"));
    }

    private static String current(Browser b) {
        // read in one script call: the panel is re-rendered on live updates, so a held element can go stale
        Object id = b.driver.executeScript("const e = document.getElementById('panel-head'); return e ? e.dataset.id : '';");
        return String.valueOf(id);
    }

    /** A phone photo as a PNG: the browser re-encodes it as JPEG before upload. */
    private Path photo() throws Exception {
        BufferedImage img = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 170, 120));
        g.fillRect(0, 0, 1200, 900);
        g.setColor(Color.WHITE);
        g.fillRect(300, 300, 600, 200);
        g.dispose();
        Path p = dir.resolve("rectified.png");
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
