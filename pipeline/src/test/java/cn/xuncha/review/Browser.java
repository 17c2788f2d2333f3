package cn.xuncha.review;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium driven by its chromedriver, with a fresh profile; screenshots go to target/e2e-screenshots. */
final class Browser implements AutoCloseable {
    static final Path SHOTS = Path.of(System.getProperty("basedir", ".")).resolve("target/e2e-screenshots");
    final ChromeDriver driver;
    final WebDriverWait wait;
    private final String base;
    private int shot;

    Browser(String base, Path profile) {
        this.base = base;
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1000", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        // generous: CI runs this next to other builds, and a slow render is not what the test is about
        wait = new WebDriverWait(driver, Duration.ofSeconds(45));
    }

    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void gone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Types keys into whatever has focus, like a person at the keyboard. */
    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    void login(String name, String password) {
        visible("#login-name");
        // right after a logout the form can be visible a moment before it takes input (re-render under load)
        wait.ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    WebElement n = d.findElement(By.id("login-name"));
                    n.clear();
                    n.sendKeys(name);
                    WebElement p = d.findElement(By.id("login-password"));
                    p.clear();
                    p.sendKeys(password);
                    return true;
                });
        driver.findElement(By.id("login-submit")).click();
        visible("#top");
    }

    void logout() {
        driver.findElement(By.id("logout")).click();
        visible("#login-form");
    }

    void screenshot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(String.format("%02d-%s.png", ++shot, name)), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
