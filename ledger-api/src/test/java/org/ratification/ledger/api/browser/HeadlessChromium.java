package org.ratification.ledger.api.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile directory deleted on
 * close: what every browser test opens. Without Chromium or chromedriver the test is skipped, except
 * under {@code CI=true}, where it fails (CI must run the browser tests).
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver browser;
    private final Path profile;

    private HeadlessChromium(WebDriver browser, Path profile) {
        this.browser = browser;
        this.profile = profile;
    }

    /** Opens a browser of 1360 × 1700 pixels; {@code options} adds what the test needs (a language, logs). */
    public static HeadlessChromium open(String name, Consumer<ChromeOptions> options) throws IOException {
        boolean available = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertThat(available)
                    .as("CI must run the browser tests: install Debian's chromium and chromium-driver")
                    .isTrue();
        }
        Assumptions.assumeTrue(available, "chromium and chromedriver are not installed");
        Path profile = Files.createTempDirectory(name + "-chromium-");
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(CHROMIUM.toFile());
        chrome.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1360,1700",
                "--user-data-dir=" + profile);
        options.accept(chrome);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(new ChromeDriver(service, chrome), profile);
    }

    public WebDriver browser() {
        return browser;
    }

    @Override
    public void close() throws IOException {
        try {
            browser.quit();
        } finally {
            FileSystemUtils.deleteRecursively(profile);
        }
    }
}
