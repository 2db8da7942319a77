package org.ratification.ledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.browser.HeadlessChromium;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The front page's cards with the short title in both languages, the chart drawing the instruments
 * the treaty's rules count (from the page data, not guessed from statuses), and a treaty of 200
 * participants: one data request, every row, rendered within a bound measured in the browser.
 * Screenshots go to {@code target/pages/}.
 */
class TreatyPageScaleBrowserTest extends ApiTestSupport {

    private static final Path SHOTS = Paths.get("target", "pages");

    /**
     * From navigation start to the treaty's 200 rows in the document, measured by the browser
     * (Navigation Timing's start, a mark the page sets once rendered; domComplete too). Measured at
     * 1.2–1.6 s on the two shared cores of the test machine (service, Chromium cold, Maven); the
     * bound leaves three times that for a busier run, and a page that asked for data row by row
     * (200 requests) or waited on a request it does not need would still exceed it.
     */
    private static final double RENDER_BOUND_MS = 5_000;

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    private WebDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait load;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.open("scale", o -> o.addArguments("--lang=en-GB"));
        browser = chromium.browser();
        load = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theCardsShowTheShortTitleWithTheFullTitleEachInItsLanguage() throws Exception {
        JsonNode definition;
        try (InputStream in = getClass().getResourceAsStream("/treaties/cybercrime.json")) {
            definition = JSON.readTree(in);
        }
        String shortTitle = definition.path("shortTitle").asText();
        String title = definition.path("title").asText();
        assertThat(shortTitle).isNotBlank().isNotEqualTo(title);
        String shortTitleFr = definition.path("shortTitleFr").asText();
        String titleFr = definition.path("titleFr").asText();
        assertThat(shortTitleFr).isNotBlank().isNotEqualTo(titleFr).isNotEqualTo(shortTitle);
        String base = "http://localhost:" + port;
        By card = By.cssSelector(".treaty-card[data-treaty-id='cybercrime']");

        for (String lang : List.of("en", "fr")) {
            boolean french = lang.equals("fr");
            browser.get(base + (french ? "/fr/" : "/"));
            load.until(ExpectedConditions.textToBe(
                    By.cssSelector(".treaty-card[data-treaty-id='cybercrime'] h2"),
                    french ? shortTitleFr : shortTitle));
            WebElement cybercrime = browser.findElement(card);
            assertThat(cybercrime.findElement(By.cssSelector("h2")).getDomAttribute("title"))
                    .isEqualTo(french ? titleFr : title);
            WebElement full = cybercrime.findElement(By.cssSelector("[data-field='full-title']"));
            assertThat(full.getDomProperty("textContent")).isEqualTo(french ? titleFr : title);
            assertThat(full.isDisplayed()).isTrue();
            assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                    .isEqualTo(lang);
            shot("home-cards-" + lang);
        }
    }

    @Test
    void theChartDrawsTheInstrumentsTheRulesCount() throws Exception {
        String treaty = registerTreaty(3, 90, 30, false);
        ratify(treaty, "FRA", "2025-02-01", "2025-04-01");
        assertThat(sign(treaty, "EU", "2025-02-02").status()).isEqualTo(201);
        Reply eu = post(
                "/api/treaties/" + treaty + "/instruments",
                """
                {"participant":"EU","type":"APPROVAL","depositedOn":"2025-04-15",
                 "declarations":["Declaration of competence: the Union is competent for ..."]}""");
        assertThat(eu.status()).as(eu.body().toString()).isEqualTo(201);
        ratify(treaty, "DEU", "2025-02-03", "2025-05-01");
        assertThat(sign(treaty, "ITA", "2025-06-01").status()).isEqualTo(201);
        JsonNode page = as(Role.ANONYMOUS).get("/api/pages/treaties/" + treaty).body();
        assertThat(page.path("treaty").path("instrumentsCounted").asInt()).isEqualTo(2);

        browser.get("http://localhost:" + port + "/treaties/" + treaty);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 4));
        load.until(d -> js("return !!(window.Chart && Chart.getChart(document.getElementById('timeline-chart')));")
                .equals(Boolean.TRUE));
        List<List<Number>> instruments = series(0);
        List<List<Number>> signatures = series(1);

        long opening = LocalDate.parse("2025-01-01").toEpochDay();
        long asOf = LocalDate.parse(page.path("treaty").path("asOf").asText()).toEpochDay();
        assertThat(instruments)
                .as("steps from the opening for signature at the counted deposits (not the EU's)")
                .containsExactly(
                        List.of(opening, 0L),
                        List.of(LocalDate.parse("2025-04-01").toEpochDay(), 1L),
                        List.of(LocalDate.parse("2025-05-01").toEpochDay(), 2L),
                        List.of(asOf, 2L));
        assertThat(signatures.get(0)).isEqualTo(List.of(opening, 0L));
        assertThat(signatures.get(signatures.size() - 1)).isEqualTo(List.of(asOf, 4L));
        shot("treaty-chart-counted-en");
    }

    @Test
    void aTreatyOf200ParticipantsLoadsInOneDataRequestAndRendersEveryRow() throws Exception {
        String treaty = registerOpenSince1989();
        ParticipantRegistry registry = ParticipantRegistry.standard();
        List<String> states = Stream.concat(registry.all().stream(), registry.former().stream())
                .filter(p -> !p.isReio() && p.existedOn(LocalDate.of(1989, 6, 1)))
                .map(Participant::code)
                .sorted()
                .limit(200)
                .toList();
        assertThat(states).hasSize(200);
        for (int i = 0; i < states.size(); i++) {
            String state = states.get(i);
            send(new SignConventionCommand(
                    treaty, UUID.randomUUID().toString(), state, LocalDate.of(1989, 6, 1), "New York"));
            send(new DepositInstrumentCommand(
                    treaty,
                    UUID.randomUUID().toString(),
                    state,
                    InstrumentType.RATIFICATION,
                    LocalDate.of(1989, 7, 1).plusDays(i / 2),
                    List.of(),
                    List.of()));
        }
        // measured on a quiet service: the notifications processor has caught up with the 400 records
        await().atMost(Duration.ofSeconds(120))
                .until(() -> as(Role.ANONYMOUS)
                                .get("/api/notifications?treaty=" + treaty + "&limit=500")
                                .body()
                                .size()
                        >= 400);

        browser.get("http://localhost:" + port + "/treaties/" + treaty);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 200));
        load.until(d -> js("return performance.getEntriesByName('ledger:rendered').length > 0;")
                .equals(Boolean.TRUE));

        assertThat(browser.findElement(By.id("participants-count")).getText()).isEqualTo("(200)");
        assertThat(js("return document.querySelector(\"#detail-facts [data-fact='counted']\").textContent;"))
                .isEqualTo("200 of 40");
        @SuppressWarnings("unchecked")
        List<String> requests =
                (List<String>) js("return performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname"
                        + " + new URL(r.name).search);");
        List<String> data = new ArrayList<>();
        for (String request : requests) {
            boolean staticAsset = request.startsWith("/webjars/")
                    || request.endsWith(".js")
                    || request.endsWith(".css")
                    || request.endsWith(".ico");
            // the texts (cached for an hour, the same for every page) and the live stream are not page data
            boolean texts = request.startsWith("/api/pages/messages");
            boolean live = request.startsWith("/api/events/stream");
            if (!staticAsset && !texts && !live) {
                data.add(request);
            }
        }
        assertThat(data)
                .as("one data request besides static assets: " + requests)
                .containsExactly("/api/pages/treaties/" + treaty + "?lang=en");

        double rendered =
                ((Number) js("return performance.getEntriesByName('ledger:rendered')[0].startTime;")).doubleValue();
        double domComplete =
                ((Number) js("return performance.getEntriesByType('navigation')[0].domComplete;")).doubleValue();
        System.out.printf(
                "Treaty page of 200 participants: domComplete %.0f ms, rows rendered %.0f ms after navigation"
                        + " start%n",
                domComplete, rendered);
        assertThat(domComplete).as("domComplete (ms)").isPositive().isLessThan(RENDER_BOUND_MS);
        assertThat(rendered)
                .as("every row in the document (ms after navigation start)")
                .isLessThan(RENDER_BOUND_MS);
        shot("treaty-200-en");
    }

    // ---- helpers

    /** A treaty open for signature since 1989, so that former States (USSR, GDR, Czechoslovakia) can join. */
    private String registerOpenSince1989() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty of two hundred participants",
                 "adoptedOn":"1988-12-20","signature":{"opensOn":"1989-01-01","closesOn":"2030-12-31"},
                 "entryIntoForce":{"instrumentsRequired":40,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    /** Through the gateway, not HTTP: four hundred records quickly, recorded like any other. */
    private void send(Object command) {
        commands.sendAndWait(
                command,
                MetaData.with(RecordingMetadata.RECORDED_AT, Instant.now().toString())
                        .and(RecordingMetadata.RECORDED_BY, "test"));
    }

    /** The points of one of the chart's datasets, as [day number, count]. */
    @SuppressWarnings("unchecked")
    private List<List<Number>> series(int dataset) {
        List<List<Number>> points = (List<List<Number>>) js(
                "return Chart.getChart(document.getElementById('timeline-chart')).data.datasets[arguments[0]]"
                        + ".data.map((p) => [p.x, p.y]);",
                dataset);
        return points.stream()
                .map(p -> List.<Number>of(p.get(0).longValue(), p.get(1).longValue()))
                .toList();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void shot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SHOTS);
        Path target = SHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
