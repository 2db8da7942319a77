package org.ratification.ledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.browser.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard and Swagger UI work under the service's Content-Security-Policy in a real
 * headless Chromium: they render, and the browser reports no refused script, style or connection.
 */
class ContentSecurityPolicyBrowserTest extends ApiTestSupport {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private HeadlessChromium chromium;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.open("csp", o -> {
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            o.setCapability("goog:loggingPrefs", logs);
        });
        browser = chromium.browser();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** What the browser refused under the policy (Chromium logs each refusal as an error). */
    private List<String> refusals() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    @Test
    void theDashboardRendersAndUpdatesWithoutARefusal() {
        String treaty = registerTreaty(5, 90, 30, false);
        ratify(treaty, "FRA", "2025-01-20", "2025-03-14");

        browser.get("http://localhost:" + port + "/#treaty=" + treaty);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 1));
        // the progress bar's width goes through the CSSOM, which the policy allows
        String width = browser.findElement(By.cssSelector(".treaty-card[data-treaty-id='" + treaty + "'] .bar"))
                .getDomAttribute("style");
        assertThat(width).contains("width: 20%");
        assertThat(browser.findElements(By.cssSelector("#timeline-chart"))).hasSize(1);

        assertThat(deposit(treaty, "DEU", "ACCESSION", "2025-04-01").status()).isEqualTo(201);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("last-event"), "DEU"));

        assertThat(refusals()).isEmpty();
    }

    @Test
    void swaggerUiRendersWithoutARefusal() {
        browser.get("http://localhost:" + port + "/swagger-ui/index.html");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock")));

        assertThat(refusals()).isEmpty();
    }
}
