package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.stream.EventEnvelope;
import org.ratification.ledger.api.stream.EventEnvelopes;
import org.ratification.ledger.api.stream.PublicEventEnvelope;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.TreatyEvent;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a write answers: 201, the record's id, its sequence in the treaty's chain and its recording
 * instant, and a Location that returns that very record; the one name each kind of record has on every
 * surface (a write's answer, the history, the event envelope of SSE and Kafka, the notifications, the
 * JSON Schema and the OpenAPI contract); and the UNTC letter, null or a letter, never empty.
 */
class WriteAnswersApiTest extends ReadModelTestSupport {

    @Autowired
    EventStore eventStore;

    @Autowired
    EventEnvelopes envelopes;

    /** One write of every kind, in chain order, each with the action it answers. */
    private record Write(String path, String body, RecordType action) {}

    private List<Write> everyKindOfWrite(String treaty) {
        String base = "/api/treaties/" + treaty;
        return List.of(
                new Write(
                        base + "/signatures",
                        "{\"participant\":\"FRA\",\"signedOn\":\"2015-01-10\"}",
                        RecordType.SIGNATURE),
                new Write(
                        base + "/instruments",
                        "{\"participant\":\"FRA\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2015-03-01\"}",
                        RecordType.INSTRUMENT),
                new Write(
                        base + "/instruments",
                        "{\"participant\":\"NRU\",\"type\":\"ACCESSION\",\"depositedOn\":\"2015-04-01\"}",
                        RecordType.INSTRUMENT),
                new Write(
                        base + "/communications",
                        "{\"participant\":\"FRA\",\"kind\":\"NOTIFICATION\",\"receivedOn\":\"2015-06-01\",\"text\":\"...\"}",
                        RecordType.COMMUNICATION),
                new Write(
                        base + "/denunciations",
                        "{\"participant\":\"NRU\",\"receivedOn\":\"2016-01-04\"}",
                        RecordType.DENUNCIATION),
                // the targets of the correction and the retraction are filled in below
                new Write(
                        base + "/corrections",
                        "{\"recordId\":\"%s\",\"reason\":\"Date misread\",\"correction\":{\"signedOn\":\"2015-01-11\"}}",
                        RecordType.CORRECTION),
                new Write(
                        base + "/corrections",
                        "{\"recordId\":\"%s\",\"reason\":\"Recorded in error\",\"retract\":true}",
                        RecordType.RETRACTION),
                new Write(
                        base + "/amendments",
                        "{\"amendmentId\":\"A1\",\"adoptedOn\":\"2021-01-10\",\"method\":\"VOTE\",\"text\":\"...\"}",
                        RecordType.AMENDMENT),
                new Write(
                        base + "/amendments/A1/instruments",
                        "{\"participant\":\"FRA\",\"type\":\"ACCEPTANCE\",\"depositedOn\":\"2021-02-01\"}",
                        RecordType.AMENDMENT_INSTRUMENT));
    }

    private static String registration(String treaty) {
        return """
                {"id":"%s","reference":"A-%s","title":"Amendable","adoptedOn":"2015-01-01",
                 "signature":{"opensOn":"2015-01-02","closesOn":"2016-12-31"},
                 "entryIntoForce":{"instrumentsRequired":1,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12},
                 "amendments":{"proposalAfterYears":5,"daysAfterInstrument":90}}"""
                .formatted(treaty, treaty);
    }

    /** Records one write of every kind and answers the replies, the registration first. */
    private List<Reply> recordEveryKind(String treaty) {
        List<Reply> replies = new ArrayList<>();
        replies.add(post("/api/treaties", registration(treaty)));
        for (Write write : everyKindOfWrite(treaty)) {
            String body = write.body();
            if (write.action() == RecordType.CORRECTION) {
                body = body.formatted(replies.get(1).body().path("recordId").asText()); // FRA's signature
            } else if (write.action() == RecordType.RETRACTION) {
                body = body.formatted(replies.get(4).body().path("recordId").asText()); // the communication
            }
            Reply reply = post(write.path(), body);
            assertThat(reply.status()).as(write.path() + " " + reply.body()).isEqualTo(201);
            replies.add(reply);
        }
        return replies;
    }

    @Test
    void everyWriteAnswersItsRecordWithSequenceAndRecordingInstantAndALocationThatReturnsIt() {
        String treaty = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now();
        List<Reply> replies = recordEveryKind(treaty);
        Instant after = Instant.now();

        List<RecordType> actions = new ArrayList<>(List.of(RecordType.TREATY_REGISTERED));
        everyKindOfWrite(treaty).forEach(w -> actions.add(w.action()));
        for (int sequence = 0; sequence < replies.size(); sequence++) {
            Reply reply = replies.get(sequence);
            JsonNode body = reply.body();
            assertThat(reply.status()).isEqualTo(201);
            assertThat(body.path("treatyId").asText()).isEqualTo(treaty);
            assertThat(body.path("action").asText())
                    .isEqualTo(actions.get(sequence).name());
            assertThat(body.path("sequence").asLong()).as(body.toString()).isEqualTo(sequence);
            Instant recordedAt = Instant.parse(body.path("recordedAt").asText());
            assertThat(recordedAt).isBetween(before, after);
            assertThat(reply.headers().getLocation()).hasToString("/api/treaties/" + treaty + "/history/" + sequence);

            Reply record = as(Role.AUDITOR).get(reply.headers().getLocation().toString());
            assertThat(record.status()).as(record.body().toString()).isEqualTo(200);
            assertThat(record.body().path("recordId").asText())
                    .isEqualTo(body.path("recordId").asText());
            assertThat(record.body().path("sequence").asLong()).isEqualTo(sequence);
            assertThat(record.body().path("recordedAt").asText())
                    .as("the instant the history shows")
                    .isEqualTo(body.path("recordedAt").asText());
            assertThat(record.body().path("type").asText())
                    .isEqualTo(body.path("action").asText());
        }
        // and the answers name the records of the chain, in its order
        Reply page = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history?size=100");
        List<String> chain = new ArrayList<>();
        page.body().path("records").forEach(r -> chain.add(r.path("recordId").asText()));
        assertThat(chain)
                .containsExactlyElementsOf(replies.stream()
                        .map(r -> r.body().path("recordId").asText())
                        .toList());
    }

    @Test
    void aSequenceWithoutARecordIsNotFoundAndTheHistoryIsNotPublic() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply missing = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("RECORD_NOT_FOUND");
        assertThat(as(Role.AUDITOR)
                        .get("/api/treaties/no-such-treaty/history/0")
                        .code())
                .isEqualTo("TREATY_NOT_FOUND");
        Reply notANumber = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/first");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/treaties/" + treaty + "/history/0")
                        .status())
                .isEqualTo(401);
        assertThat(as(Role.AUDITOR)
                        .get("/api/treaties/" + treaty + "/history/0")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRecordHasOneNameOnEverySurface() {
        String treaty = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> answered = new LinkedHashMap<>();
        recordEveryKind(treaty)
                .forEach(r -> answered.put(
                        r.body().path("recordId").asText(),
                        r.body().path("action").asText()));
        assertThat(new HashSet<>(answered.values()))
                .as("the scenario writes every kind of record")
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(RecordType.values()).map(Enum::name).toList());

        // the audit history and its export
        Map<String, String> history = new LinkedHashMap<>();
        as(Role.AUDITOR)
                .get("/api/treaties/" + treaty + "/history?size=100")
                .body()
                .path("records")
                .forEach(r ->
                        history.put(r.path("recordId").asText(), r.path("type").asText()));
        assertThat(history).isEqualTo(answered);

        // the envelope of the SSE stream (full and public) and of the Kafka topic
        Map<String, String> enveloped = new LinkedHashMap<>();
        eventStore.readEvents(treaty).asStream().forEach(message -> {
            EventEnvelope envelope = envelopes.envelope(message);
            assertThat(PublicEventEnvelope.of(envelope).type()).isEqualTo(envelope.type());
            enveloped.put(((TreatyEvent) message.getPayload()).recordId(), envelope.type());
        });
        assertThat(enveloped).isEqualTo(answered);

        // the depositary notifications, one per action notified
        Set<String> notified = Set.of(
                RecordType.SIGNATURE.name(),
                RecordType.INSTRUMENT.name(),
                RecordType.DENUNCIATION.name(),
                RecordType.COMMUNICATION.name(),
                RecordType.CORRECTION.name(),
                RecordType.RETRACTION.name());
        long expected = answered.values().stream().filter(notified::contains).count();
        JsonNode notifications = awaitNotifications(treaty, (int) expected);
        notifications.forEach(n -> assertThat(n.path("action").asText())
                .as("notification of " + n.path("recordId").asText())
                .isEqualTo(answered.get(n.path("recordId").asText())));
    }

    @Test
    void theContractsListTheSameNames() throws IOException {
        List<String> names = Arrays.stream(RecordType.values()).map(Enum::name).toList();

        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/event-envelope.json")) {
            schema = JSON.readTree(in);
        }
        List<String> consts = new ArrayList<>();
        schema.path("$defs")
                .path("full")
                .path("allOf")
                .forEach(c -> consts.add(c.path("if")
                        .path("properties")
                        .path("type")
                        .path("const")
                        .asText()));
        assertThat(consts).containsExactlyInAnyOrderElementsOf(names);
        assertThat(names)
                .allMatch(name -> name.matches(schema.path("$defs")
                        .path("full")
                        .path("properties")
                        .path("type")
                        .path("pattern")
                        .asText()))
                .allMatch(name -> name.matches(schema.path("$defs")
                        .path("public")
                        .path("properties")
                        .path("type")
                        .path("pattern")
                        .asText()));

        JsonNode recorded =
                get("/v3/api-docs").body().path("components").path("schemas").path("Recorded");
        List<String> documented = new ArrayList<>();
        recorded.path("properties").path("action").path("enum").forEach(v -> documented.add(v.asText()));
        assertThat(documented).containsExactlyElementsOf(names);
    }

    @Test
    void theUntcLetterIsNullOrALetterNeverEmpty() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        assertThat(deposit(treaty, "NRU", "ACCESSION", "2026-02-01").status()).isEqualTo(201);
        String base = "/api/treaties/" + treaty;

        JsonNode participants = get(base + "/participants?asOf=2026-12-31").body();
        Map<String, JsonNode> letters = new LinkedHashMap<>();
        participants.forEach(p ->
                letters.put(p.path("participant").asText(), p.path("instrument").path("letter")));
        assertThat(letters.get("FRA").isNull())
                .as("a ratification has no letter")
                .isTrue();
        assertThat(letters.get("NRU").asText()).isEqualTo("a");

        Instant recorded = Instant.parse(as(Role.AUDITOR)
                .get(base + "/history/2")
                .body()
                .path("recordedAt")
                .asText());
        List<String> surfaces = List.of(
                base + "/participants",
                base + "/participants/FRA",
                base + "/participants?recordedAt=" + recorded.plus(Duration.ofMillis(1)),
                "/api/pages/treaties/" + treaty,
                "/api/pages/participants/FRA");
        for (String surface : surfaces) {
            JsonNode body = get(surface).body();
            List<JsonNode> found = body.findValues("letter");
            assertThat(found).as(surface + " shows letters").isNotEmpty();
            assertThat(found)
                    .as(surface + ": " + body)
                    .allMatch(letter -> letter.isNull()
                            || (letter.isTextual() && !letter.asText().isEmpty()));
        }
    }
}
