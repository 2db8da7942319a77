package org.ratification.ledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The public face over HTTP: the one-request data of the treaty and State pages, the notifications
 * across treaties with their filters, the Atom feeds (parsed, with every element RFC 4287
 * requires), deep links served as the page, the message bundles in both languages, and the
 * caching of static assets.
 */
class PublicPagesApiTest extends ApiTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Test
    void theTreatyPageHasEverythingInOneAnswerOnAnyLegalDate() throws Exception {
        String treaty = seeded();

        Reply page = as(Role.ANONYMOUS).get("/api/pages/treaties/" + treaty);
        assertThat(page.status()).isEqualTo(200);
        JsonNode body = page.body();
        assertThat(body.path("treaty").path("instrumentsCounted").asInt()).isEqualTo(2);
        assertThat(body.path("treaty").path("headHash").asText()).hasSize(64);
        assertThat(body.path("shortTitle").asText()).isEqualTo("Short test treaty");
        assertThat(body.path("opensForSignatureOn").asText()).isEqualTo("2025-01-01");
        assertThat(body.path("past").asBoolean()).isFalse();
        assertThat(body.path("participants")).hasSize(3);
        JsonNode reservation = body.path("reservations").get(0);
        assertThat(reservation.path("participant").asText()).isEqualTo("FRA");
        assertThat(reservation.path("objectionPeriodEndsOn").asText()).isEqualTo("2026-04-01");
        assertThat(reservation.path("objections").get(0).path("participant").asText())
                .isEqualTo("DEU");

        JsonNode before = as(Role.ANONYMOUS)
                .get("/api/pages/treaties/" + treaty + "?asOf=2025-03-01")
                .body();
        assertThat(before.path("past").asBoolean()).isTrue();
        assertThat(before.path("treaty").path("instrumentsCounted").asInt()).isZero();
        assertThat(before.path("treaty").path("signatories").asInt()).isEqualTo(2);
        assertThat(before.path("participants")).hasSize(2);

        ResponseEntity<String> csv =
                http.getForEntity("/api/pages/treaties/" + treaty + "/participants.csv?asOf=2025-03-01", String.class);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + treaty + "-2025-03-01.csv\"");
        assertThat(csv.getBody().lines().toList())
                .hasSize(3)
                .first()
                .asString()
                .startsWith("participant,name,signature,instrument");

        assertThat(as(Role.ANONYMOUS).get("/api/pages/treaties/no-such-treaty").code())
                .isEqualTo("TREATY_NOT_FOUND");
    }

    @Test
    void theStatePageListsEveryTreatyOfTheParticipant() {
        String first = seeded();
        String second = registerTreaty(2, 30, 30, false);
        assertThat(sign(second, "FRA", "2025-06-01").status()).isEqualTo(201);

        JsonNode page = as(Role.ANONYMOUS).get("/api/pages/participants/fra").body();
        assertThat(page.path("participant").asText()).isEqualTo("FRA");
        assertThat(page.path("name").asText()).isEqualTo("France");
        List<String> treaties = new ArrayList<>();
        page.path("treaties").forEach(t -> treaties.add(t.path("id").asText()));
        assertThat(treaties).contains(first, second);
        JsonNode row = rowOf(page, first);
        assertThat(row.path("instrument").path("depositedOn").asText()).isEqualTo("2025-04-01");
        assertThat(row.path("reservations").get(0).asText()).isEqualTo("France reserves article 3.");

        assertThat(as(Role.ANONYMOUS).get("/api/pages/participants/ZZZ").code()).isEqualTo("UNKNOWN_PARTICIPANT");
        assertThat(as(Role.ANONYMOUS).get("/api/pages/participants/1").code()).isEqualTo("INVALID_PARTICIPANT_CODE");
    }

    @Test
    void notificationsAreListedNewestFirstAndFiltered() throws Exception {
        String treaty = seeded();
        List<JsonNode> all = notifications("/api/notifications?treaty=" + treaty, 7);
        assertThat(all).extracting(n -> n.path("number").asInt()).isSortedAccordingTo((a, b) -> b - a);
        assertThat(all.get(0).path("action").asText()).isEqualTo("COMMUNICATION");
        assertThat(all).allSatisfy(n -> assertThat(n.path("headHash").asText()).hasSize(64));

        List<JsonNode> france = notifications("/api/notifications?treaty=" + treaty + "&participant=FRA", 3);
        assertThat(france)
                .allSatisfy(n -> assertThat(n.path("participant").asText()).isEqualTo("FRA"));
        List<JsonNode> instruments = notifications("/api/notifications?treaty=" + treaty + "&action=instrument", 2);
        assertThat(instruments)
                .allSatisfy(n -> assertThat(n.path("subject").asText()).endsWith(": RATIFICATION"));
        int year = all.get(0).path("year").asInt();
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/notifications?treaty=" + treaty + "&year=" + (year - 1))
                        .body())
                .isEmpty();

        assertThat(as(Role.ANONYMOUS).get("/api/notifications?action=PARTY").code())
                .isEqualTo("INVALID_ACTION");
        assertThat(as(Role.ANONYMOUS).get("/api/notifications?year=20").code()).isEqualTo("INVALID_YEAR");
        assertThat(as(Role.ANONYMOUS).get("/api/notifications?limit=501").code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(as(Role.ANONYMOUS).get("/api/notifications?treaty=no-such").code())
                .isEqualTo("TREATY_NOT_FOUND");
    }

    @Test
    void theAtomFeedsHaveEveryElementRfc4287Requires() throws Exception {
        String treaty = seeded();
        notifications("/api/notifications?treaty=" + treaty, 7);

        Document feed = atom("/feeds/treaties/" + treaty + "/notifications.atom");
        Element root = feed.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        assertThat(child(root, "id").getTextContent()).startsWith("urn:uuid:");
        assertThat(child(root, "title").getTextContent()).contains("Short test treaty");
        OffsetDateTime.parse(child(root, "updated").getTextContent());
        assertThat(child(child(root, "author"), "name").getTextContent()).isNotBlank();
        assertThat(links(root)).contains("self", "alternate");

        List<Element> entries = children(root, "entry");
        assertThat(entries).hasSize(7);
        Set<String> ids = new HashSet<>();
        for (Element entry : entries) {
            String id = child(entry, "id").getTextContent();
            assertThat(id).matches("urn:uuid:[0-9a-f-]{36}");
            ids.add(id);
            assertThat(child(entry, "title").getTextContent()).startsWith("C.N.");
            Instant.parse(child(entry, "updated").getTextContent());
            assertThat(child(entry, "content").getAttribute("type")).isEqualTo("text");
            assertThat(child(entry, "content").getTextContent())
                    .startsWith("The Secretary-General of the United Nations")
                    .contains("Head hash of the record: ");
            assertThat(links(entry)).contains("alternate");
        }
        assertThat(ids).as("one id per entry").hasSize(7);
        assertThat(child(root, "updated").getTextContent())
                .isEqualTo(child(entries.get(0), "updated").getTextContent());

        Document again = atom("/feeds/treaties/" + treaty + "/notifications.atom");
        assertThat(child(children(again.getDocumentElement(), "entry").get(0), "id")
                        .getTextContent())
                .as("entry ids are stable")
                .isEqualTo(child(entries.get(0), "id").getTextContent());

        Document everything = atom("/feeds/notifications.atom");
        assertThat(child(everything.getDocumentElement(), "id").getTextContent())
                .isNotEqualTo(child(root, "id").getTextContent());
        assertThat(as(Role.ANONYMOUS)
                        .get("/feeds/treaties/no-such/notifications.atom")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void deepLinksAreThePageAndTheTextsComeInBothLanguages() {
        for (String path :
                List.of("/treaties/cybercrime", "/participants/FRA", "/notifications", "/fr/", "/fr/treaties/x")) {
            ResponseEntity<String> page = http.exchange("/" + path.substring(1), HttpMethod.GET, null, String.class);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            assertThat(page.getBody()).as(path).contains("<script src=\"/dashboard.js\" defer></script>");
        }
        JsonNode english = as(Role.ANONYMOUS).get("/api/pages/messages?lang=en").body();
        JsonNode french = as(Role.ANONYMOUS).get("/api/pages/messages?lang=fr").body();
        assertThat(english.path("notifications.title").asText()).isEqualTo("Depositary notifications");
        assertThat(french.path("notifications.title").asText()).isEqualTo("Notifications dépositaires");
        List<String> missing = new ArrayList<>();
        english.fieldNames().forEachRemaining(key -> {
            if (!french.has(key)) missing.add(key);
        });
        assertThat(missing).as("every English text has its French").isEmpty();
        assertThat(french.size()).isEqualTo(english.size());

        HttpHeaders accept = new HttpHeaders();
        accept.set(HttpHeaders.ACCEPT_LANGUAGE, "fr-CH, fr;q=0.9, en;q=0.8");
        Reply negotiated = as(Role.ANONYMOUS).exchange(HttpMethod.GET, "/api/pages/messages", null, accept);
        assertThat(negotiated.body().path("site").asText()).isEqualTo("Registre des ratifications");
        assertThat(negotiated.headers().getFirst(HttpHeaders.CONTENT_LANGUAGE)).isEqualTo("fr");
        assertThat(as(Role.ANONYMOUS).get("/api/pages/messages?lang=de").code()).isEqualTo("INVALID_LANGUAGE");
    }

    @Test
    void staticAssetsAreCachedAndTheDocumentRevalidated() {
        assertThat(http.getForEntity("/dashboard.js", String.class).getHeaders().getCacheControl())
                .isEqualTo("public, max-age=600");
        assertThat(http.getForEntity("/webjars/chart.js/dist/chart.umd.js", String.class)
                        .getHeaders()
                        .getCacheControl())
                .isEqualTo("public, max-age=86400");
        assertThat(http.getForEntity("/api/pages/messages?lang=fr", String.class)
                        .getHeaders()
                        .getCacheControl())
                .isEqualTo("max-age=3600, public");
    }

    @Test
    void thePagesRunUnderAStrictContentSecurityPolicy() {
        String html = http.getForObject("/index.html", String.class);
        assertThat(html).doesNotContainPattern("(?i)\\sstyle=").doesNotContainPattern("(?i)\\son[a-z]+=");
        assertThat(java.util.Arrays.stream(html.split("<script", -1)).skip(1).toList())
                .hasSize(2)
                .allSatisfy(tag -> assertThat(tag)
                        .as("every script is an external file")
                        .matches("(?s)^ src=\"[^\"]+\"( defer)?></script>.*"));
        String script = http.getForObject("/dashboard.js", String.class);
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "eval(", "new Function");
        assertThat(script).doesNotContainPattern("setAttribute\\(\\s*'style'");
    }

    @Test
    void theCybercrimeConventionHasItsShortTitle() {
        JsonNode page = as(Role.ANONYMOUS).get("/api/pages/treaties/cybercrime").body();
        assertThat(page.path("shortTitle").asText()).isEqualTo("United Nations Convention against Cybercrime");
        assertThat(page.path("treaty").path("title").asText())
                .startsWith("United Nations Convention against Cybercrime;");
        Reply tooLong = post(
                "/api/treaties",
                """
                {"id":"t-long-short","reference":"TEST-L","title":"Test","shortTitle":"%s","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":2,"daysAfterThreshold":30,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted("x".repeat(256)));
        assertThat(tooLong.code()).isEqualTo("TEXT_TOO_LONG");
    }

    @Test
    void theTreatyPageListsTheInstrumentsTheRulesCountNotTheReiosNorUncountedKinds() {
        String treaty = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false,
                   "countedInstruments":["RATIFICATION","ACCEPTANCE","APPROVAL"]},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty, treaty));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        ratify(treaty, "FRA", "2025-02-01", "2025-04-01");
        assertThat(sign(treaty, "EU", "2025-02-02").status()).isEqualTo(201);
        Reply eu = post(
                "/api/treaties/" + treaty + "/instruments",
                """
                {"participant":"EU","type":"APPROVAL","depositedOn":"2025-04-15",
                 "declarations":["Declaration of competence: the Union is competent for ..."]}""");
        assertThat(eu.status()).as(eu.body().toString()).isEqualTo(201);
        assertThat(deposit(treaty, "NOR", "ACCESSION", "2025-04-20").status()).isEqualTo(201);
        ratify(treaty, "DEU", "2025-02-03", "2025-03-10"); // recorded last, counts first

        JsonNode page = as(Role.ANONYMOUS).get("/api/pages/treaties/" + treaty).body();

        assertThat(page.path("treaty").path("instrumentsDeposited").asInt()).isEqualTo(4);
        assertThat(page.path("treaty").path("instrumentsCounted").asInt()).isEqualTo(2);
        assertThat(page.path("counted"))
                .hasSize(page.path("treaty").path("instrumentsCounted").asInt());
        assertThat(page.path("counted").get(0).path("participant").asText()).isEqualTo("DEU");
        assertThat(page.path("counted").get(0).path("depositedOn").asText()).isEqualTo("2025-03-10");
        assertThat(page.path("counted").get(1).path("participant").asText()).isEqualTo("FRA");
        assertThat(page.path("counted").get(1).path("depositedOn").asText()).isEqualTo("2025-04-01");
        JsonNode before = as(Role.ANONYMOUS)
                .get("/api/pages/treaties/" + treaty + "?asOf=2025-03-31")
                .body();
        assertThat(before.path("treaty").path("instrumentsCounted").asInt()).isEqualTo(1);
        assertThat(before.path("counted")).hasSize(1);
    }

    @Test
    void theShortTitleIsOnEveryPageAsSoonAsTheRegistrationIsAnswered() {
        // the notifications are written by a tracking processor, after the commit: stopped here, so
        // a page that took its titles from them would show the full title (or none) until it caught up
        StreamingEventProcessor notifications = processing
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        notifications.shutDown();
        try {
            String treaty = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            Reply registered = post(
                    "/api/treaties",
                    """
                    {"id":"%s","reference":"TEST-%s","title":"Test treaty with a long title",
                     "shortTitle":"Short test treaty","adoptedOn":"2024-12-24",
                     "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                     "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                       "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                     "denunciation":{"takesEffectAfterMonths":12}}"""
                            .formatted(treaty, treaty));
            assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);

            JsonNode page =
                    as(Role.ANONYMOUS).get("/api/pages/treaties/" + treaty).body();
            assertThat(page.path("shortTitle").asText()).isEqualTo("Short test treaty");
            assertThat(page.path("opensForSignatureOn").asText()).isEqualTo("2025-01-01");
            assertThat(page.path("closesForSignatureOn").asText()).isEqualTo("2026-12-31");
            assertThat(page.path("entryIntoForce").path("instrumentsRequired").asInt())
                    .isEqualTo(3);
            assertThat(card(as(Role.ANONYMOUS).get("/api/pages/treaties").body(), treaty)
                            .path("shortTitle")
                            .asText())
                    .isEqualTo("Short test treaty");
            assertThat(sign(treaty, "FRA", "2025-06-01").status()).isEqualTo(201);
            assertThat(treatyOf(
                                    as(Role.ANONYMOUS)
                                            .get("/api/pages/participants/FRA")
                                            .body(),
                                    treaty)
                            .path("shortTitle")
                            .asText())
                    .isEqualTo("Short test treaty");
        } finally {
            notifications.start();
        }
    }

    @Test
    void theFrontPageCardsCarryTheShortTitleOrElseTheTitle() {
        String plain = registerTreaty(2, 90, 30, false);

        JsonNode cards = as(Role.ANONYMOUS).get("/api/pages/treaties").body();

        JsonNode cybercrime = card(cards, "cybercrime");
        assertThat(cybercrime.path("shortTitle").asText()).isEqualTo("United Nations Convention against Cybercrime");
        assertThat(cybercrime.path("treaty").path("title").asText())
                .startsWith("United Nations Convention against Cybercrime;");
        assertThat(cybercrime.path("treaty").path("instrumentsRequired").asInt())
                .isEqualTo(40);
        assertThat(card(cards, plain).path("shortTitle").asText()).isEqualTo("Test treaty");
    }

    @Test
    void frenchPagesNotificationsAndFeedsUseTheFrenchTitlesWhereTheDefinitionHasThem() throws Exception {
        String treaty = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty with a long title","shortTitle":"Short test treaty",
                 "titleFr":"Traité d'essai au titre long\u00a0; première partie","shortTitleFr":"Traité d'essai",
                 "adoptedOn":"2024-12-24","signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty, treaty));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        assertThat(sign(treaty, "FRA", "2025-06-01").status()).isEqualTo(201);
        String titleFr = "Traité d'essai au titre long\u00a0; première partie";

        JsonNode fr = as(Role.ANONYMOUS)
                .get("/api/pages/treaties/" + treaty + "?lang=fr")
                .body();
        assertThat(fr.path("shortTitle").asText()).isEqualTo("Traité d'essai");
        assertThat(fr.path("title").asText()).isEqualTo(titleFr);
        assertThat(fr.path("treaty").path("title").asText()).isEqualTo("Test treaty with a long title");
        JsonNode en = as(Role.ANONYMOUS)
                .get("/api/pages/treaties/" + treaty + "?lang=en")
                .body();
        assertThat(en.path("shortTitle").asText()).isEqualTo("Short test treaty");
        assertThat(en.path("title").asText()).isEqualTo("Test treaty with a long title");

        JsonNode frenchCard =
                card(as(Role.ANONYMOUS).get("/api/pages/treaties?lang=fr").body(), treaty);
        assertThat(frenchCard.path("shortTitle").asText()).isEqualTo("Traité d'essai");
        assertThat(frenchCard.path("title").asText()).isEqualTo(titleFr);
        JsonNode englishCard =
                card(as(Role.ANONYMOUS).get("/api/pages/treaties").body(), treaty);
        assertThat(englishCard.path("shortTitle").asText()).isEqualTo("Short test treaty");
        assertThat(englishCard.path("title").asText()).isEqualTo("Test treaty with a long title");

        JsonNode state = treatyOf(
                as(Role.ANONYMOUS).get("/api/pages/participants/FRA?lang=fr").body(), treaty);
        assertThat(state.path("shortTitle").asText()).isEqualTo("Traité d'essai");
        assertThat(state.path("title").asText()).isEqualTo(titleFr);
        assertThat(treatyOf(
                                as(Role.ANONYMOUS)
                                        .get("/api/pages/participants/FRA")
                                        .body(),
                                treaty)
                        .path("shortTitle")
                        .asText())
                .isEqualTo("Short test treaty");

        JsonNode french = notifications("/api/notifications?treaty=" + treaty + "&lang=fr", 1)
                .get(0);
        assertThat(french.path("text").asText()).contains("\nTraité : " + titleFr + "\n");
        JsonNode english =
                notifications("/api/notifications?treaty=" + treaty, 1).get(0);
        assertThat(english.path("text").asText())
                .contains("Test treaty with a long title")
                .doesNotContain("Traité");

        Element frenchFeed = atom("/feeds/treaties/" + treaty + "/notifications.atom?lang=fr")
                .getDocumentElement();
        assertThat(child(frenchFeed, "title").getTextContent())
                .isEqualTo("Notifications dépositaires : Traité d'essai (TEST-" + treaty + ")");
        Element englishFeed =
                atom("/feeds/treaties/" + treaty + "/notifications.atom").getDocumentElement();
        assertThat(child(englishFeed, "title").getTextContent())
                .isEqualTo("Depositary notifications: Short test treaty (TEST-" + treaty + ")");

        JsonNode cybercrime =
                as(Role.ANONYMOUS).get("/api/pages/treaties/cybercrime?lang=fr").body();
        assertThat(cybercrime.path("shortTitle").asText())
                .isEqualTo("Convention des Nations Unies contre la cybercriminalité");
        assertThat(cybercrime.path("title").asText())
                .startsWith(
                        "Convention des Nations Unies contre la cybercriminalité\u00a0; renforcement de la coopération")
                .endsWith("sous forme électronique d'infractions graves");
    }

    @Test
    void frenchTitlesAreBoundedAndAFrenchShortTitleNeedsAFrenchTitle() {
        String id = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String template =
                """
                {"id":"%s","reference":"TEST-F","title":"Test treaty",%s"adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":2,"daysAfterThreshold":30,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}""";
        assertThat(post("/api/treaties", template.formatted(id, "\"shortTitleFr\":\"Essai\","))
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(post("/api/treaties", template.formatted(id, "\"titleFr\":\"Essai\\u0007\","))
                        .code())
                .isEqualTo("CONTROL_CHARACTERS");
        assertThat(post("/api/treaties", template.formatted(id, "\"titleFr\":\" \","))
                        .code())
                .isEqualTo("MISSING_FIELD");
        assertThat(post("/api/treaties", template.formatted(id, "\"titleFr\":\"%s\",".formatted("é".repeat(1001))))
                        .code())
                .isEqualTo("TEXT_TOO_LONG");
        assertThat(post(
                                "/api/treaties",
                                template.formatted(
                                        id,
                                        "\"titleFr\":\"Essai\",\"shortTitleFr\":\"%s\",".formatted("x".repeat(256))))
                        .code())
                .isEqualTo("TEXT_TOO_LONG");
        assertThat(as(Role.ANONYMOUS).get("/api/pages/treaties/" + id).code())
                .as("nothing was registered")
                .isEqualTo("TREATY_NOT_FOUND");
        Reply widest = post(
                "/api/treaties",
                template.formatted(
                        id,
                        "\"titleFr\":\"%s\",\"shortTitleFr\":\"%s\",".formatted("é".repeat(1000), "é".repeat(255))));
        assertThat(widest.status()).as(widest.body().toString()).isEqualTo(201);
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/pages/treaties/" + id + "?lang=fr")
                        .body()
                        .path("title")
                        .asText())
                .hasSize(1000);
    }

    private static JsonNode card(JsonNode cards, String treaty) {
        for (JsonNode card : cards) {
            if (card.path("treaty").path("id").asText().equals(treaty)) {
                return card;
            }
        }
        throw new AssertionError("no card for " + treaty + " in " + cards);
    }

    // ---- a seeded treaty: two ratifications, a signature, a reservation and an objection to it

    /** Seven notifications: 3 signatures, 2 ratifications, a reservation by France and Germany's objection. */
    private String seeded() {
        String id = "t-" + java.util.UUID.randomUUID().toString().substring(0, 8);
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
                        + reservation.body().path("recordId").asText()
                        + "\"}");
        assertThat(objection.status()).as(objection.body().toString()).isEqualTo(201);
        return id;
    }

    private static JsonNode rowOf(JsonNode page, String treaty) {
        return treatyOf(page, treaty).path("row");
    }

    private static JsonNode treatyOf(JsonNode page, String treaty) {
        for (JsonNode t : page.path("treaties")) {
            if (t.path("id").asText().equals(treaty)) {
                return t;
            }
        }
        throw new AssertionError("no row for " + treaty);
    }

    /** The notifications once the read model has written {@code count} of them. */
    private List<JsonNode> notifications(String path, int count) throws InterruptedException {
        List<JsonNode> list = new ArrayList<>();
        for (int attempt = 0; attempt < 600; attempt++) {
            Reply reply = as(Role.ANONYMOUS).get(path);
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
            list = new ArrayList<>();
            reply.body().forEach(list::add);
            if (list.size() >= count) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(list).hasSize(count);
        return list;
    }

    private Document atom(String path) throws Exception {
        ResponseEntity<byte[]> response = http.exchange(path, HttpMethod.GET, null, byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        String xml = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.getBody()));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found)
                .as("exactly one atom:" + name + " in " + parent.getLocalName())
                .hasSize(1);
        return found.get(0);
    }

    private static List<String> links(Element parent) {
        List<String> rels = new ArrayList<>();
        for (Element link : children(parent, "link")) {
            assertThat(link.getAttribute("href")).startsWith("http://");
            rels.add(link.getAttribute("rel"));
        }
        return rels;
    }
}
