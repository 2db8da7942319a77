package org.ratification.ledger.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.browser.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public dashboard in a real headless Chromium: it loads, shows a treaty's progress and its
 * participants, filters the table, and shows a deposit recorded through the API within two seconds
 * without a reload. Saves a screenshot to {@code target/dashboard.png}.
 */
class DashboardBrowserTest extends ApiTestSupport {

    @LocalServerPort
    int port;

    private WebDriver browser;
    private HeadlessChromium chromium;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.open("dashboard", o -> {});
        browser = chromium.browser();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aDepositRecordedThroughTheApiAppearsWithinTwoSecondsWithoutReload() throws Exception {
        String treaty = registerTreaty(5, 90, 30, false);
        String[][] ratified = {
            {"FRA", "2025-01-20", "2025-03-14"},
            {"DEU", "2025-01-20", "2025-04-02"},
            {"VNM", "2025-01-21", "2025-05-30"},
            {"BRA", "2025-02-03", "2025-07-11"}
        };
        for (String[] r : ratified) {
            ratify(treaty, r[0], r[1], r[2]);
        }
        for (String signatory : List.of("ITA", "JPN", "KEN", "MEX", "NOR")) {
            assertThat(sign(treaty, signatory, "2025-02-10").status()).isEqualTo(201);
        }

        browser.get("http://localhost:" + port + "/#treaty=" + treaty);
        WebDriverWait load = new WebDriverWait(browser, Duration.ofSeconds(15));
        By card = By.cssSelector(".treaty-card[data-treaty-id='" + treaty + "']");
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".treaty-card[data-treaty-id='" + treaty + "'] [data-field='counted']"), "4"));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 9));
        load.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        assertThat(browser.findElement(By.id("detail-title")).getText()).isEqualTo("Test treaty");
        assertThat(browser.findElement(card)
                        .findElement(By.cssSelector("[data-field='milestone']"))
                        .getText())
                .isEqualTo("1 more instrument needed for entry into force");
        assertThat(browser.findElement(By.cssSelector(".treaty-card[data-treaty-id='cybercrime']"))
                        .getText())
                .contains("XVIII-16");

        Select status = new Select(browser.findElement(By.id("status-filter")));
        status.selectByValue("SIGNATORY");
        assertThat(rows()).hasSize(5).allSatisfy(row -> assertThat(row.getDomAttribute("data-status"))
                .isEqualTo("SIGNATORY"));
        status.selectByValue("");
        browser.findElement(By.id("name-filter")).sendKeys("viet");
        assertThat(rows())
                .extracting(row -> row.getDomAttribute("data-participant"))
                .containsExactly("VNM");
        browser.findElement(By.id("name-filter")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 9));

        Object marker = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("window.__notReloaded = true; return window.__notReloaded;");
        assertThat(marker).isEqualTo(true);

        Reply deposited = deposit(treaty, "ITA", "RATIFICATION", "2025-09-01");
        assertThat(deposited.status()).isEqualTo(201);

        WebDriverWait live = new WebDriverWait(browser, Duration.ofSeconds(2));
        live.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".treaty-card[data-treaty-id='" + treaty + "'] [data-field='counted']"), "5"));
        live.until(ExpectedConditions.attributeToBe(
                By.cssSelector("#participants-body tr[data-participant='ITA']"), "data-status", "PARTY"));

        assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__notReloaded;"))
                .as("the page was updated in place, not reloaded")
                .isEqualTo(true);
        assertThat(browser.findElement(card)
                        .findElement(By.cssSelector("[data-field='milestone']"))
                        .getText())
                .as("the fifth instrument, of 1 Sep 2025, brought the treaty into force 90 days later")
                .isEqualTo("In force since 30 Nov 2025");
        assertThat(browser.findElement(By.cssSelector(
                                "#participants-body tr[data-participant='ITA'] [data-column='instrument']"))
                        .getText())
                .isEqualTo("1 Sep 2025");

        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Paths.get("target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#participants-body tr"));
    }
}
