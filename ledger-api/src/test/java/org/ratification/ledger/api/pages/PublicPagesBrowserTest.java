package org.ratification.ledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.browser.HeadlessChromium;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public pages in a real headless Chromium, over a seeded ledger: the treaty page (short title,
 * table, texts with the objection clock, legend, explanation, downloads), the as-of view and the
 * back and forward buttons, the State page reached by a click, the notifications page with its
 * filters, the French pages by the visible switch, a live update within two seconds, and the
 * accessibility rules that can be checked by script on every page. Screenshots of every page in
 * both languages go to {@code target/pages/}.
 */
class PublicPagesBrowserTest extends ApiTestSupport {

    private static final Path SHOTS = Paths.get("target", "pages");

    @LocalServerPort
    int port;

    private WebDriver browser;
    private HeadlessChromium chromium;
    private WebDriverWait load;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = HeadlessChromium.open("pages", o -> o.addArguments("--lang=en-GB"));
        browser = chromium.browser();
        load = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aReaderGoesFromTreatyToStateToNotificationsAndBackInBothLanguages() throws Exception {
        String treaty = seeded();
        String base = "http://localhost:" + port;

        // the treaty page
        browser.get(base + "/treaties/" + treaty);
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Short test treaty"));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 3));
        load.until(ExpectedConditions.attributeToBe(By.id("live-status"), "data-state", "live"));
        assertThat(text("page-full-title")).isEqualTo("Test treaty with a long title");
        assertThat(fact("counted")).isEqualTo("2 of 3");
        assertThat(text("eif-explanation")).isNotBlank();
        assertThat(browser.findElement(By.id("legend")).getText()).contains("AA", "Approval", "Definitive signature");
        assertThat(browser.findElement(By.id("past-view")).isDisplayed()).isFalse();
        WebElement reservation = browser.findElement(By.cssSelector("#texts-body article[data-participant='FRA']"));
        assertThat(reservation.getText()).contains("France reserves article 3.");
        assertThat(reservation
                        .findElement(By.cssSelector("[data-field='objection-clock']"))
                        .getText())
                .matches("(Objections may be made until 1 April 2026 \\(\\d+ days left\\)\\."
                        + "|The period for objections closed on 1 April 2026\\.)");
        assertThat(reservation
                        .findElement(By.cssSelector("[data-objector='DEU']"))
                        .getText())
                .startsWith("Objection by Germany on 1 June 2025.")
                .contains("Germany objects.");
        assertThat(browser.findElement(By.id("download-csv")).getDomAttribute("href"))
                .startsWith("/api/pages/treaties/" + treaty + "/participants.csv?asOf=");
        assertThat(text("treaty-notifications")).isEqualTo("Notifications (7)");
        assertThat(js("return performance.getEntriesByType('resource').map((r) => r.name)"
                        + ".filter((n) => n.includes('/api/') && !n.includes('/api/events/stream')"
                        + " && !n.includes('/api/pages/messages'));"))
                .as("the treaty page reads its data in one request")
                .asList()
                .hasSize(1)
                .first()
                .asString()
                .contains("/api/pages/treaties/" + treaty + "?lang=en");
        accessible("treaty page");
        keyboardReaches("lang-switch", "as-of");
        assertThat(thresholdDrawnLast())
                .as("the signatures reach the 3 required: the dashed threshold line is drawn over them")
                .isTrue();
        shot("treaty-en");

        // the as-of date is typed in the page's format (ISO in English), whatever the browser's locale
        assertThat(browser.findElement(By.id("as-of")).getDomAttribute("type")).isEqualTo("text");
        assertThat(browser.findElement(By.id("as-of")).getDomProperty("value")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(text("as-of-hint")).isEqualTo("Format: yyyy-mm-dd");
        assertThat(browser.findElement(By.id("as-of")).getDomAttribute("aria-describedby"))
                .isEqualTo("as-of-hint as-of-error");
        setAsOf("2025-02-30");
        load.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-of-error")));
        assertThat(text("as-of-error"))
                .isEqualTo("“2025-02-30” is not a date of the calendar: write it as yyyy-mm-dd, e.g. 2025-03-01.");
        assertThat(browser.findElement(By.id("as-of")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.getCurrentUrl()).doesNotContain("asOf=");

        // as of a past date, then back and forward
        setAsOf("2025-03-01");
        load.until(ExpectedConditions.urlContains("asOf=2025-03-01"));
        load.until(ExpectedConditions.visibilityOfElementLocated(By.id("past-view")));
        load.until(d -> fact("counted").equals("0 of 3"));
        assertThat(text("past-view")).startsWith("Past view: the status as of 1 March 2025");
        assertThat(browser.findElement(By.id("as-of")).getDomProperty("value")).isEqualTo("2025-03-01");
        assertThat(browser.findElement(By.id("as-of-error")).isDisplayed()).isFalse();
        assertThat(rows()).hasSize(2);
        assertThat(fact("signatories")).isEqualTo("2");
        shot("treaty-as-of-en");
        browser.navigate().back();
        load.until(d -> fact("counted").equals("2 of 3"));
        assertThat(browser.findElement(By.id("past-view")).isDisplayed()).isFalse();
        browser.navigate().forward();
        load.until(d -> fact("counted").equals("0 of 3"));
        browser.navigate().back();
        load.until(d -> fact("counted").equals("2 of 3"));

        // a live deposit arrives within two seconds
        mark();
        assertThat(deposit(treaty, "ITA", "RATIFICATION", "2025-09-01").status())
                .isEqualTo(201);
        new WebDriverWait(browser, Duration.ofSeconds(2))
                .until(d -> fact("counted").equals("3 of 3"));
        assertNotReloaded();
        load.until(ExpectedConditions.textToBePresentInElementLocated(By.id("last-event"), "instrument deposited"));
        assertThat(text("last-event")).as("the event in words, not its type").doesNotContain("InstrumentDeposited");

        // the State page, by clicking a row
        browser.findElement(By.cssSelector("#participants-body tr[data-participant='DEU'] td[data-column='status']"))
                .click();
        load.until(ExpectedConditions.urlToBe(base + "/participants/DEU"));
        load.until(ExpectedConditions.textToBe(By.id("participant-title"), "Germany"));
        load.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#participant-body tr[data-treaty-id='" + treaty + "']")));
        WebElement row = browser.findElement(By.cssSelector("#participant-body tr[data-treaty-id='" + treaty + "']"));
        assertThat(row.findElement(By.cssSelector("[data-column='instrument']")).getText())
                .isEqualTo("1 May 2025");
        assertThat(row.findElement(By.cssSelector("[data-column='status']")).getText())
                .isEqualTo("Party");
        assertThat(row.findElement(By.cssSelector("[data-column='entry-into-force']"))
                        .getText())
                .isEqualTo("30 Nov 2025");
        accessible("State page");
        shot("participant-en");
        assertNotReloaded();

        // from the State to the treaty, and back
        row.findElement(By.cssSelector("a")).click();
        load.until(ExpectedConditions.urlToBe(base + "/treaties/" + treaty));
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Short test treaty"));
        browser.navigate().back();
        load.until(ExpectedConditions.textToBe(By.id("participant-title"), "Germany"));

        // from the treaty to its notifications
        browser.navigate().forward();
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Short test treaty"));
        load.until(ExpectedConditions.textToBe(By.id("treaty-notifications"), "Notifications (8)"));
        browser.findElement(By.id("treaty-notifications")).click();
        load.until(ExpectedConditions.urlToBe(base + "/notifications?treaty=" + treaty));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notifications-list article"), 8));
        List<WebElement> notices = browser.findElements(By.cssSelector("#notifications-list article"));
        assertThat(notices.get(0).getDomAttribute("data-action")).isEqualTo("INSTRUMENT");
        assertThat(notices.get(0).findElement(By.cssSelector("h2")).getText()).isEqualTo("ITALY: RATIFICATION");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.findElement(By.cssSelector(".reference")).getText()).startsWith("C.N.");
            assertThat(n.findElement(By.cssSelector(".hash code")).getText()).hasSize(64);
            assertThat(n.findElement(By.cssSelector(".notification-text")).getText())
                    .startsWith("The Secretary-General of the United Nations");
        });
        assertThat(browser.findElement(By.cssSelector("#nf-treaty option[value='" + treaty + "']"))
                        .getText())
                .as("the filter names treaties by their short titles, not their references")
                .isEqualTo("Short test treaty");
        assertThat(notices.get(0)
                        .findElement(By.cssSelector(".meta a[data-route]"))
                        .getText())
                .isEqualTo("Short test treaty");
        accessible("notifications page");
        shot("notifications-en");
        browser.findElement(By.id("nf-participant")).sendKeys("fra");
        browser.findElement(By.cssSelector("#notification-filters button[type='submit']"))
                .click();
        load.until(ExpectedConditions.urlContains("participant=FRA"));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notifications-list article"), 3));
        assertThat(browser.findElements(By.cssSelector("#notifications-list article")))
                .allSatisfy(
                        n -> assertThat(n.getDomAttribute("data-participant")).isEqualTo("FRA"));
        assertNotReloaded();

        // French, by the visible switch
        browser.findElement(By.id("lang-switch")).click();
        load.until(ExpectedConditions.urlContains("/fr/notifications"));
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#view-notifications h1"), "Notifications dépositaires"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang"))
                .isEqualTo("fr");
        assertThat(text("lang-switch")).isEqualTo("English");
        assertThat(browser.findElement(By.cssSelector("#nf-action option[value='']"))
                        .getText())
                .isEqualTo("Toutes");
        accessible("notifications page (fr)");
        shot("notifications-fr");
        browser.get(base + "/fr/notifications?treaty=" + treaty);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#notifications-list article"), 8));
        assertThat(browser.findElement(By.cssSelector("#nf-treaty option[value='cybercrime']"))
                        .getText())
                .isEqualTo("Convention des Nations Unies contre la cybercriminalité");

        browser.get(base + "/fr/treaties/" + treaty);
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Short test treaty"));
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#participants-body tr[data-participant='DEU'] th"), "Allemagne"));
        assertThat(fact("counted")).isEqualTo("3 sur 3");
        assertThat(browser.findElement(By.cssSelector(
                                "#participants-body tr[data-participant='DEU'] [data-column='instrument']"))
                        .getText())
                .isEqualTo("1er mai 2025");
        assertThat(browser.findElement(By.cssSelector("label[for='as-of']")).getText())
                .isEqualTo("État au");
        assertThat(browser.findElement(By.cssSelector("#texts-body [data-objector='DEU']"))
                        .getText())
                .startsWith("Objection : Allemagne, le 1er juin 2025.");
        assertThat(browser.findElement(
                                By.cssSelector("#participants-body tr[data-participant='FRA'] [data-column='texts']"))
                        .getText())
                .isEqualTo("1 réserve");
        assertThat(js("return document.getElementById('eif-explanation').textContent;"))
                .as("no line starts with a colon: a no-break space before it")
                .asString()
                .contains("(participant\u00a0: Italie)");
        assertThat(js("return document.getElementById('eif-explanation').textContent;"))
                .asString()
                .contains("le 90e jour suivant la date du dépôt du 3e instrument");
        accessible("treaty page (fr)");
        shot("treaty-fr");
        // in French the as-of date reads jj/mm/aaaa, the browser being English
        assertThat(browser.findElement(By.id("as-of")).getDomProperty("value")).matches("\\d{2}/\\d{2}/\\d{4}");
        assertThat(browser.findElement(By.id("as-of")).getDomAttribute("placeholder"))
                .isEqualTo("jj/mm/aaaa");
        assertThat(text("as-of-hint")).isEqualTo("Format : jj/mm/aaaa");
        setAsOf("31/02/2025");
        load.until(ExpectedConditions.visibilityOfElementLocated(By.id("as-of-error")));
        assertThat(text("as-of-error")).startsWith("« 31/02/2025 » n’est pas une date du calendrier");
        assertThat(browser.getCurrentUrl()).doesNotContain("asOf=");
        setAsOf("01/03/2025");
        load.until(ExpectedConditions.urlContains("asOf=2025-03-01"));
        load.until(ExpectedConditions.visibilityOfElementLocated(By.id("past-view")));
        assertThat(text("past-view")).startsWith("Vue passée : l’état au 1er mars 2025");
        assertThat(browser.findElement(By.id("as-of")).getDomProperty("value")).isEqualTo("01/03/2025");
        assertThat(browser.findElement(By.id("as-of-error")).isDisplayed()).isFalse();
        shot("treaty-as-of-fr");

        browser.get(base + "/fr/participants/DEU");
        load.until(ExpectedConditions.textToBe(By.id("participant-title"), "Allemagne"));
        load.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#participant-body tr[data-treaty-id='" + treaty + "']")));
        assertThat(browser.findElement(By.cssSelector(
                                "#participant-body tr[data-treaty-id='" + treaty + "'] [data-column='status']"))
                        .getText())
                .isEqualTo("Partie");
        assertThat(js("return document.getElementById('participant-caption').textContent;"))
                .asString()
                .startsWith("Allemagne\u00a0: traités au ");
        accessible("State page (fr)");
        shot("participant-fr");

        browser.get(base + "/fr/");
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#view-home h1"), "État des ratifications des traités"));
        load.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".treaty-card")));
        accessible("front page (fr)");
        shot("home-fr");
        browser.findElement(By.id("lang-switch")).click();
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#view-home h1"), "Treaty ratification status"));
        load.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".treaty-card")));
        accessible("front page");
        shot("home-en");
    }

    @Test
    void aTreatyWithoutAShortTitleShowsItsTitleOnce() throws Exception {
        String treaty = registerTreaty(2, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-06-01").status()).isEqualTo(201);

        browser.get("http://localhost:" + port + "/treaties/" + treaty);
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Test treaty"));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 1));
        assertThat(browser.findElement(By.id("page-full-title")).isDisplayed())
                .as("no subtitle repeating the heading")
                .isFalse();
        assertThat(js("return Array.from(document.querySelectorAll('#treaty-detail *'))"
                        + ".filter((e) => e.offsetParent !== null && e.children.length === 0"
                        + " && e.textContent.trim() === 'Test treaty').length;"))
                .as("the title is shown once on its page")
                .isEqualTo(1L);
        accessible("treaty page without a short title");
        shot("treaty-without-short-title-en");
    }

    @Test
    void aTreatyWithFrenchTitlesAndAThresholdOfOneReadsWellInFrench() throws Exception {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty with a long title","shortTitle":"Short test treaty",
                 "titleFr":"Traité d'essai au titre long","shortTitleFr":"Traité d'essai",
                 "adoptedOn":"2024-12-24","signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":1,"daysAfterThreshold":1,
                   "daysAfterLaterInstrument":2,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        ratify(id, "FRA", "2025-02-01", "2025-04-01");
        assertThat(sign(id, "DEU", "2025-03-01").status()).isEqualTo(201);
        String base = "http://localhost:" + port;

        browser.get(base + "/fr/treaties/" + id);
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Traité d'essai"));
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 2));
        assertThat(text("page-full-title")).isEqualTo("Traité d'essai au titre long");
        assertThat(browser.getTitle()).startsWith("Traité d'essai ·");
        assertThat(js("return document.getElementById('eif-explanation').textContent;"))
                .asString()
                .contains("le 1er jour suivant la date du dépôt du 1er instrument")
                .contains("le 2e jour suivant son dépôt")
                .doesNotContain("1e ");
        assertThat(thresholdDrawnLast()).isTrue();
        accessible("treaty page with French titles (fr)");
        shot("treaty-french-titles-fr");

        browser.get(base + "/treaties/" + id);
        load.until(ExpectedConditions.textToBe(By.id("page-title"), "Short test treaty"));
        assertThat(text("page-full-title")).isEqualTo("Test treaty with a long title");
        assertThat(js("return document.getElementById('eif-explanation').textContent;"))
                .asString()
                .doesNotContain("Traité");

        browser.get(base + "/fr/participants/FRA");
        load.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#participant-body tr[data-treaty-id='" + id + "']")));
        assertThat(browser.findElement(By.cssSelector("#participant-body tr[data-treaty-id='" + id + "'] th a"))
                        .getText())
                .isEqualTo("Traité d'essai");

        browser.get(base + "/fr/");
        load.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".treaty-card[data-treaty-id='" + id + "'] h2")));
        assertThat(browser.findElement(By.cssSelector(".treaty-card[data-treaty-id='" + id + "'] h2"))
                        .getText())
                .isEqualTo("Traité d'essai");
        assertThat(browser.findElement(By.cssSelector(".treaty-card[data-treaty-id='cybercrime'] h2"))
                        .getText())
                .isEqualTo("Convention des Nations Unies contre la cybercriminalité");
        browser.findElement(By.id("lang-switch")).click();
        load.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".treaty-card[data-treaty-id='" + id + "'] h2"), "Short test treaty"));
    }

    /**
     * A succession to a signature shows its letter d and its predecessor, as the UNTC table prints it, and an
     * acknowledged irregularity shows as a numbered footnote of its row, in both languages.
     */
    @Test
    void aSuccessionToASignatureAndAnAcknowledgedIrregularityShowInTheTable() throws Exception {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty","adoptedOn":"2000-01-01",
                 "signature":{"opensOn":"2000-01-10","closesOn":"2000-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        Reply succession = post(
                "/api/treaties/" + id + "/signatures",
                "{\"participant\":\"MNE\",\"signedOn\":\"2006-10-23\",\"predecessor\":\"SCG\"}");
        assertThat(succession.status()).as(succession.body().toString()).isEqualTo(201);
        Reply late = post(
                "/api/treaties/" + id + "/signatures",
                "{\"participant\":\"ITA\",\"signedOn\":\"2001-01-05\",\"irregularity\":"
                        + "{\"code\":\"SIGNATURE_PERIOD_CLOSED\",\"note\":\"Signed after the closing date.\"}}");
        assertThat(late.status()).as(late.body().toString()).isEqualTo(201);
        String base = "http://localhost:" + port;

        browser.get(base + "/treaties/" + id);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 2));
        WebElement montenegro = browser.findElement(By.cssSelector("#participants-body tr[data-participant='MNE']"));
        assertThat(montenegro
                        .findElement(By.cssSelector("[data-column='signature'] .letter"))
                        .getText())
                .isEqualTo("d");
        assertThat(montenegro
                        .findElement(By.cssSelector("[data-column='texts']"))
                        .getText())
                .contains("Signature by succession from SCG");
        WebElement italy = browser.findElement(By.cssSelector("#participants-body tr[data-participant='ITA']"));
        assertThat(italy.findElements(By.cssSelector("[data-column='signature'] .letter")))
                .isEmpty();
        assertThat(italy.findElement(By.cssSelector("sup.footnote a")).getAttribute("href"))
                .endsWith("#irregularity-1");
        assertThat(montenegro.findElements(By.cssSelector("sup.footnote"))).isEmpty();
        assertThat(browser.findElement(By.id("irregularities")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("irregularity-1")).getText())
                .contains("Italy")
                .contains("SIGNATURE_PERIOD_CLOSED")
                .contains("Signed after the closing date.");
        accessible("treaty page with a succession and an irregularity");
        shot("treaty-succession-irregularity-en");

        browser.get(base + "/fr/treaties/" + id);
        load.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#participants-body tr"), 2));
        assertThat(text("irregularities")).startsWith("Irrégularités dont le dépositaire a pris acte");
        assertThat(browser.findElement(
                                By.cssSelector("#participants-body tr[data-participant='MNE'] [data-column='texts']"))
                        .getText())
                .contains("Signature par succession");

        browser.get(base + "/participants/MNE");
        load.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#participant-body tr[data-treaty-id='" + id + "']")));
        assertThat(browser.findElement(By.cssSelector(
                                "#participant-body tr[data-treaty-id='" + id + "'] [data-column='signature'] .letter"))
                        .getText())
                .isEqualTo("d");
    }

    // ---- the seeded ledger: France and Germany ratified, Italy signed, France's reservation and Germany's objection

    private String seeded() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty with a long title","shortTitle":"Short test treaty",
                 "adoptedOn":"2024-12-24","signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        ratify(id, "FRA", "2025-02-01", "2025-04-01");
        ratify(id, "DEU", "2025-02-02", "2025-05-01");
        assertThat(sign(id, "ITA", "2025-06-01").status()).isEqualTo(201);
        Reply reservation = post(
                "/api/treaties/" + id + "/communications",
                "{\"participant\":\"FRA\",\"kind\":\"RESERVATION\",\"receivedOn\":\"2025-04-01\","
                        + "\"text\":\"France reserves article 3.\"}");
        assertThat(reservation.status()).as(reservation.body().toString()).isEqualTo(201);
        Reply objection = post(
                "/api/treaties/" + id + "/communications",
                "{\"participant\":\"DEU\",\"kind\":\"OBJECTION\",\"receivedOn\":\"2025-06-01\","
                        + "\"text\":\"Germany objects.\",\"refersTo\":\""
                        + reservation.body().path("recordId").asText() + "\"}");
        assertThat(objection.status()).as(objection.body().toString()).isEqualTo(201);
        return id;
    }

    // ---- helpers

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /** A fact of the treaty's at-a-glance list, read by script (the list is redrawn on every update). */
    private String fact(String key) {
        Object text = js(
                "const e = document.querySelector(\"#detail-facts [data-fact='\" + arguments[0] + \"']\");"
                        + " return e ? e.textContent : '';",
                key);
        return String.valueOf(text);
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#participants-body tr"));
    }

    /** Types the date into the as-of field by keyboard and presses Enter. */
    private void setAsOf(String date) {
        WebElement input = browser.findElement(By.id("as-of"));
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date, Keys.ENTER);
    }

    /** Whether the chart draws the dashed threshold line after (over) the two series. */
    private boolean thresholdDrawnLast() {
        Object drawnLast = js(
                "const chart = Chart.getChart(document.getElementById('timeline-chart'));"
                        + " const metas = chart.getSortedVisibleDatasetMetas();"
                        + " return metas.length === 3 && metas[0].index === 2 && chart.data.datasets[2].borderDash.length > 0;");
        return Boolean.TRUE.equals(drawnLast);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private void mark() {
        js("window.__notReloaded = true;");
    }

    private void assertNotReloaded() {
        assertThat(js("return window.__notReloaded === true;"))
                .as("the page moved in place, not reloaded")
                .isEqualTo(true);
    }

    private void shot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(SHOTS);
        Path target = SHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }

    /** Tabbing from the top of the page reaches each of the elements (by id). */
    private void keyboardReaches(String... ids) {
        js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
        List<String> reached = new ArrayList<>();
        Actions keys = new Actions(browser);
        for (int i = 0; i < 40; i++) {
            keys.sendKeys(Keys.TAB).perform();
            Object id = js("return document.activeElement ? document.activeElement.id : null;");
            if (id != null) {
                reached.add(id.toString());
            }
        }
        assertThat(reached).contains(ids);
    }

    /**
     * The accessibility rules a script can check (axe-core is not served as a WebJar on Maven
     * Central): landmarks, one h1 and no skipped heading level, every form control labelled,
     * tables with a caption and header cells, links and controls reachable by keyboard, and a
     * contrast of at least 4.5:1 (3:1 for large text) for every visible text.
     */
    @SuppressWarnings("unchecked")
    private void accessible(String page) {
        List<String> problems = (List<String>) js(ACCESSIBILITY);
        assertThat(problems).as("accessibility of the " + page).isEmpty();
    }

    private static final String ACCESSIBILITY =
            """
            const problems = [];
            const visible = (e) => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
              && getComputedStyle(e).visibility !== 'hidden';
            for (const sel of ['header', 'nav', 'main', 'footer']) {
              if (!document.querySelector(sel)) problems.push('no ' + sel + ' landmark');
            }
            const headings = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).filter(visible);
            if (headings.filter((h) => h.tagName === 'H1').length !== 1) problems.push('not exactly one visible h1');
            let level = 0;
            headings.forEach((h) => {
              const l = Number(h.tagName[1]);
              if (l > level + 1) problems.push('heading level skipped at ' + h.tagName + ' "' + h.textContent.trim() + '"');
              if (!h.textContent.trim()) problems.push('empty ' + h.tagName);
              level = l;
            });
            document.querySelectorAll('input,select,textarea,button').forEach((c) => {
              if (!visible(c)) return;
              const labelled = (c.id && document.querySelector('label[for="' + c.id + '"]'))
                || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')
                || (c.tagName === 'BUTTON' && c.textContent.trim());
              if (!labelled) problems.push('unlabelled ' + c.tagName + ' #' + c.id);
              if (c.tabIndex < 0) problems.push('not reachable by keyboard: #' + c.id);
            });
            document.querySelectorAll('a').forEach((a) => {
              if (!visible(a)) return;
              if (!a.getAttribute('href')) problems.push('link without href: ' + a.textContent.trim());
              if (!a.textContent.trim() && !a.getAttribute('aria-label')) problems.push('link without text');
            });
            document.querySelectorAll('table').forEach((t) => {
              if (!visible(t)) return;
              if (!t.caption || !t.caption.textContent.trim()) problems.push('table without caption: #' + t.id);
              if (!t.querySelector('thead th[scope="col"]')) problems.push('table without header cells: #' + t.id);
            });
            document.querySelectorAll('canvas,img,svg').forEach((g) => {
              if (visible(g) && !g.getAttribute('aria-label') && !g.getAttribute('alt')
                  && g.getAttribute('aria-hidden') !== 'true') problems.push('graphic without text alternative');
            });
            const rgb = (s) => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
              const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
            const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
            const background = (e) => { for (let n = e; n; n = n.parentElement) {
                const c = rgb(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; }
              return { r: 255, g: 255, b: 255, a: 1 }; };
            document.querySelectorAll('body *').forEach((e) => {
              if (!visible(e) || e.closest('canvas')) return;
              const own = Array.from(e.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
              if (!own) return;
              const style = getComputedStyle(e);
              const fg = rgb(style.color); const bg = background(e);
              const l1 = lum(fg), l2 = lum(bg);
              const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(style.fontSize); const bold = Number(style.fontWeight) >= 700;
              const large = size >= 24 || (bold && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) problems.push('contrast ' + ratio.toFixed(2) + ' for "'
                + e.textContent.trim().slice(0, 40) + '" (' + style.color + ' on rgb(' + bg.r + ',' + bg.g + ',' + bg.b + '))');
            });
            return problems;
            """;
}
