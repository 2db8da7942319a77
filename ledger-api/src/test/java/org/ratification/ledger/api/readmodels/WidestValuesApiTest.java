package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.verify.OfflineVerifier;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Bounds;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.ClassUtils;

/**
 * Every value an event can hold fits every column it is written to (issue 12 §1). The test records,
 * through the public API, every kind of event (found by scanning the event records), every constant
 * of every enum an event carries (found by reflection over the events' components), every text at
 * the longest {@link Bounds} allows (with multi-byte and astral characters), every id at its longest
 * and every clause at its bound, so that the computed dates (entry into force a century after the
 * threshold, a denunciation effective a century after receipt) are as far as they can be. Then every
 * processor must be up to date without error, and every record must show in the status, the
 * history, the notifications and the export, which the offline verifier must find valid. On H2 and
 * PostgreSQL. Before issue 12 the territorial application stopped the notifications processor
 * (its column was VARCHAR(16)).
 */
class WidestValuesApiTest extends ReadModelTestSupport {

    private static final Duration PROCESSORS_PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** Record ids of the treaty's records, by whether a notification announces them. */
    private final List<String> announced = new ArrayList<>();

    private final List<String> records = new ArrayList<>();

    private final Set<String> actors = new LinkedHashSet<>();

    private Iterator<String> codes;

    /** A text of exactly {@code length} UTF-16 code units, of two-, three- and four-byte characters. */
    static String widest(int length) {
        StringBuilder s = new StringBuilder(length);
        String[] pieces = {"é", "€", "𝄞", "ש", "e\u0301"};
        int i = 0;
        while (s.length() < length) {
            String piece = pieces[i++ % pieces.length];
            if (s.length() + piece.length() > length) {
                piece = "x";
            }
            s.append(piece);
        }
        return s.toString();
    }

    private static String widestId(String prefix, int length) {
        StringBuilder s = new StringBuilder(prefix);
        while (s.length() < length) {
            s.append('9');
        }
        return s.toString();
    }

    @Test
    void theWidestValueOfEveryFieldGoesThroughEveryReadModel() throws Exception {
        codes = ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio() && p.code().length() == 3)
                .map(Participant::code)
                .sorted()
                .collect(Collectors.toList())
                .iterator();
        String suffix = UUID.randomUUID().toString().replace("-", "");

        // 1. every clause at its bound, with the computed dates as far as they can go
        String far = register(
                widestId("far-" + suffix, 64),
                1,
                Bounds.MAX_DAYS,
                Bounds.MAX_DAYS,
                Bounds.MAX_MONTHS,
                Bounds.MAX_YEARS,
                Bounds.MAX_DAYS);
        String first = next();
        record(far, signWidest(far, first, "2001-01-01"), true);
        record(far, deposit(far, first, "RATIFICATION", "2001-02-01"), true); // in force 2101
        record(far, deposit(far, next(), "ACCESSION", "2001-03-01"), true); // in force 2101, later
        String most = register(
                widestId("most-" + suffix, 64),
                Bounds.MAX_INSTRUMENTS_REQUIRED,
                Bounds.MAX_DAYS,
                Bounds.MAX_DAYS,
                Bounds.MAX_MONTHS,
                Bounds.MAX_YEARS,
                Bounds.MAX_DAYS);

        // 2. every kind of record, every enum constant, every text at its longest
        String treaty = register(widestId("all-" + suffix, 64), 1, 0, 0, Bounds.MAX_MONTHS, 0, Bounds.MAX_DAYS);
        List<String> parties = new ArrayList<>();
        String signature = null;
        for (InstrumentType type : InstrumentType.values()) {
            String code = next();
            switch (type) {
                case RATIFICATION, ACCEPTANCE, APPROVAL, FORMAL_CONFIRMATION -> {
                    String signed = record(treaty, signWidest(treaty, code, "2001-01-01"), true);
                    signature = signature == null ? signed : signature;
                    record(treaty, depositWidest(treaty, code, type, "2001-02-01"), true);
                    parties.add(code);
                }
                case ACCESSION, DEFINITIVE_SIGNATURE -> record(
                        treaty, depositWidest(treaty, code, type, "2001-02-01"), true);
                case SUCCESSION -> record(
                        treaty,
                        post(
                                "/api/treaties/" + treaty + "/instruments",
                                object().put("participant", code)
                                        .put("type", type.name())
                                        .put("depositedOn", "2001-03-01")
                                        .put("predecessor", widest(Bounds.MAX_SHORT_TEXT))
                                        .put("boundFrom", "2001-02-15")
                                        .toString()),
                        true);
                default -> fail("A new instrument type " + type + ": record it here");
            }
        }
        String author = parties.get(0);
        String other = parties.get(1);
        String reservation = null;
        String notification = null;
        for (CommunicationKind kind : CommunicationKind.values()) {
            ObjectNode body = object().put("participant", author)
                    .put("kind", kind.name())
                    .put("receivedOn", "2001-04-01")
                    .put("text", widest(Bounds.MAX_TEXT));
            switch (kind) {
                case DECLARATION, RESERVATION, NOTIFICATION -> {}
                case OBJECTION -> body.put("participant", other).put("refersTo", reservation);
                case WITHDRAWAL -> body.put("receivedOn", "2001-05-01").put("refersTo", reservation);
                case TERRITORIAL_APPLICATION -> {
                    ArrayNode territories = body.putArray("territories");
                    Collections.nCopies(Bounds.MAX_TEXTS, widest(Bounds.MAX_SHORT_TEXT))
                            .forEach(territories::add);
                }
                default -> fail("A new communication kind " + kind + ": record it here");
            }
            String id = record(treaty, post("/api/treaties/" + treaty + "/communications", body.toString()), true);
            if (kind == CommunicationKind.RESERVATION) {
                reservation = id;
            } else if (kind == CommunicationKind.NOTIFICATION) {
                notification = id;
            }
            if (kind == CommunicationKind.TERRITORIAL_APPLICATION) {
                Reply row = get("/api/treaties/" + treaty + "/participants/" + author);
                assertThat(row.status()).as(row.body().toString()).isEqualTo(200);
            }
        }
        int amendment = 0;
        for (AdoptionMethod method : AdoptionMethod.values()) {
            String amendmentId = widestId("A" + amendment++ + "-", 64);
            record(
                    treaty,
                    post(
                            "/api/treaties/" + treaty + "/amendments",
                            object().put("amendmentId", amendmentId)
                                    .put("adoptedOn", "2002-01-01")
                                    .put("method", method.name())
                                    .put("text", widest(Bounds.MAX_TEXT))
                                    .toString()),
                    false);
            int p = 0;
            for (InstrumentType type : InstrumentType.values()) {
                if (type == InstrumentType.ACCESSION
                        || type == InstrumentType.SUCCESSION
                        || type == InstrumentType.DEFINITIVE_SIGNATURE) {
                    continue; // an amendment is ratified, accepted, approved or formally confirmed
                }
                record(
                        treaty,
                        post(
                                "/api/treaties/" + treaty + "/amendments/" + amendmentId + "/instruments",
                                object().put("participant", parties.get(p++ % parties.size()))
                                        .put("type", type.name())
                                        .put("depositedOn", "2002-02-01")
                                        .toString()),
                        false);
            }
        }
        record(
                treaty,
                post(
                        "/api/treaties/" + treaty + "/denunciations",
                        object().put("participant", parties.get(2))
                                .put("receivedOn", "2003-01-01")
                                .toString()),
                true); // effective 2103
        record(
                treaty,
                post(
                        "/api/treaties/" + treaty + "/corrections",
                        object().put("recordId", signature)
                                .put("reason", widest(Bounds.MAX_TEXT))
                                .set("correction", object().put("signedOn", "2001-01-15"))
                                .toString()),
                false);
        record(
                treaty,
                post(
                        "/api/treaties/" + treaty + "/corrections",
                        object().put("recordId", notification)
                                .put("reason", widest(Bounds.MAX_TEXT))
                                .put("retract", true)
                                .toString()),
                false);

        // 3. every processor caught up, none in error
        await().atMost(PROCESSORS_PATIENCE).untilAsserted(() -> {
            JsonNode processors = get("/api/admin/processors").body();
            assertThat(processors.size()).isPositive();
            for (JsonNode processor : processors) {
                assertThat(processor.path("error").asBoolean())
                        .as("processor %s in error", processor)
                        .isFalse();
                assertThat(processor.path("upToDate").asBoolean())
                        .as("processor %s up to date", processor)
                        .isTrue();
            }
        });

        // 4. each read model shows each record
        assertThat(get("/api/treaties/" + most).status()).isEqualTo(200);
        assertThat(get("/api/treaties/" + far).body().path("entryIntoForceOn").asText())
                .isEqualTo(
                        LocalDate.parse("2001-02-01").plusDays(Bounds.MAX_DAYS).toString());
        Set<String> rows = new HashSet<>();
        get("/api/treaties/" + treaty + "/participants")
                .body()
                .forEach(r -> rows.add(r.path("participant").asText()));
        assertThat(rows).containsAll(actors);
        for (String id : List.of(far, most, treaty)) {
            List<String> ids = records.stream()
                    .filter(r -> r.startsWith(id + "/"))
                    .map(r -> r.substring(id.length() + 1))
                    .toList();
            JsonNode history = awaitHistory(id, ids.size());
            Set<String> inHistory = new HashSet<>();
            history.path("records")
                    .forEach(r -> inHistory.add(r.path("recordId").asText()));
            assertThat(inHistory).as("history of %s", id).containsAll(ids);
            Set<String> notified = new HashSet<>();
            get("/api/treaties/" + id + "/notifications")
                    .body()
                    .forEach(n -> notified.add(n.path("recordId").asText()));
            assertThat(notified)
                    .as("notifications of %s", id)
                    .containsAll(announced.stream()
                            .filter(r -> r.startsWith(id + "/"))
                            .map(r -> r.substring(id.length() + 1))
                            .toList());
            byte[] export = exportOf(id);
            Path file = dir.resolve(id + ".ndjson");
            Files.write(file, export);
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(ids.size());
            OfflineVerifier.Report report = OfflineVerifier.verify(file, LocalDate.now());
            assertThat(report.chain().valid()).as("offline verdict of %s", id).isTrue();
            if (id.equals(treaty)) {
                // every kind of event was written through every read model
                Set<String> eventTypes = new HashSet<>();
                for (String line : lines) {
                    eventTypes.add(JSON.readTree(line).path("eventType").asText());
                }
                assertThat(eventTypes)
                        .containsAll(eventClasses().stream()
                                .map(Class::getSimpleName)
                                .toList());
            }
        }
    }

    /** Every enum an event record carries is one this test walks through. */
    @Test
    void everyEnumOfEveryEventIsWalkedThrough() {
        Set<Class<?>> walked = Set.of(
                InstrumentType.class,
                CommunicationKind.class,
                AdoptionMethod.class,
                // the clause families' enums live only inside a treaty's definition, which the read
                // models keep whole as JSON (status_treaty.definition_json, notifications' definition)
                org.ratification.ledger.core.api.LaterInstrumentsFrom.class,
                org.ratification.ledger.core.api.DateRounding.class);
        Set<Class<?>> carried = new HashSet<>();
        for (Class<?> event : eventClasses()) {
            collectEnums(event, carried, new HashSet<>());
        }
        assertThat(walked).containsAll(carried);
        assertThat(eventClasses()).hasSizeGreaterThanOrEqualTo(9);
    }

    private static void collectEnums(Class<?> type, Set<Class<?>> enums, Set<Class<?>> seen) {
        if (!seen.add(type) || !type.isRecord()) {
            return;
        }
        for (var component : type.getRecordComponents()) {
            Class<?> c = component.getType();
            if (c.isEnum()) {
                enums.add(c);
            } else if (c.isRecord()) {
                collectEnums(c, enums, seen);
            }
        }
    }

    static List<Class<?>> eventClasses() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(TreatyEvent.class));
        List<Class<?>> classes = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.ratification.ledger.core.api")) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
        }
        return classes;
    }

    private String next() {
        String code = codes.next();
        actors.add(code);
        return code;
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private String register(
            String id, int instruments, int daysAfterThreshold, int daysAfterLater, int months, int years, int days) {
        ObjectNode body = object().put("id", id)
                .put("reference", id.substring(0, 40) + widest(Bounds.MAX_SHORT_TEXT - 40))
                .put("title", widest(Bounds.MAX_TITLE))
                .put("shortTitle", widest(Bounds.MAX_SHORT_TEXT))
                .put("titleFr", widest(Bounds.MAX_TITLE))
                .put("shortTitleFr", widest(Bounds.MAX_SHORT_TEXT))
                .put("adoptedOn", "2000-01-01");
        body.set("signature", object().put("opensOn", "2000-01-02").put("closesOn", "9999-12-31"));
        body.set(
                "entryIntoForce",
                object().put("instrumentsRequired", instruments)
                        .put("daysAfterThreshold", daysAfterThreshold)
                        .put("daysAfterLaterInstrument", daysAfterLater)
                        .put("reioInstrumentsCount", true));
        body.set("denunciation", object().put("takesEffectAfterMonths", months).put("followsParent", false));
        body.set("amendments", object().put("proposalAfterYears", years).put("daysAfterInstrument", days));
        body.set("succession", object().put("fromDateOfSuccession", true));
        Reply reply = post("/api/treaties", body.toString());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        records.add(id + "/" + reply.body().path("recordId").asText());
        actors.clear();
        return id;
    }

    private Reply signWidest(String treaty, String participant, String date) {
        return post(
                "/api/treaties/" + treaty + "/signatures",
                object().put("participant", participant)
                        .put("signedOn", date)
                        .put("place", widest(Bounds.MAX_SHORT_TEXT))
                        .toString());
    }

    private Reply depositWidest(String treaty, String participant, InstrumentType type, String date) {
        ObjectNode body = object().put("participant", participant)
                .put("type", type.name())
                .put("depositedOn", date);
        ArrayNode declarations = body.putArray("declarations");
        declarations.add(widest(Bounds.MAX_TEXT));
        ArrayNode reservations = body.putArray("reservations");
        Collections.nCopies(Bounds.MAX_TEXTS, widest(1000)).forEach(reservations::add);
        return post("/api/treaties/" + treaty + "/instruments", body.toString());
    }

    private String record(String treaty, Reply reply, boolean notified) {
        String id = recordId(reply);
        records.add(treaty + "/" + id);
        if (notified) {
            announced.add(treaty + "/" + id);
        }
        return id;
    }

    private byte[] exportOf(String treaty) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/x-ndjson")));
        byte[] body = http.exchange(
                        "/api/treaties/" + treaty + "/history", HttpMethod.GET, new HttpEntity<>(headers), byte[].class)
                .getBody();
        assertThat(body).isNotNull();
        return body;
    }
}
