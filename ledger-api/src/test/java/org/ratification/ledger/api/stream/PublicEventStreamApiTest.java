package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

/**
 * Who sees what of a recorded event on the SSE stream: without credentials (and for any role but
 * the two below) the public envelope, with no payload (reservation texts, places, retraction
 * reasons, record ids), recorder, metadata or chain hash; auditors and the depositary the full
 * envelope the history keeps. Both shapes validate against the envelope schema, replayed from the
 * store or sent live.
 */
class PublicEventStreamApiTest extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String RESERVATION = "Reservation text kept for auditors";
    private static final String REASON = "Retraction reason kept for auditors";

    @LocalServerPort
    int port;

    private String url(String treaty) {
        return "http://localhost:" + port + "/api/events/stream?treaty=" + treaty + "&lastEventId=-1";
    }

    private String authorization(Role role) {
        HttpHeaders headers = new HttpHeaders();
        authenticate(headers, role);
        return headers.getFirst(HttpHeaders.AUTHORIZATION);
    }

    /** Registration, signature, a deposit with a reservation, and the deposit's retraction. */
    private String treatyWithARetractedReservation() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        Reply deposit = post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"FRA\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-01-10\",\"reservations\":[\"%s\"]}"
                        .formatted(RESERVATION));
        assertThat(deposit.status()).as(deposit.body().toString()).isEqualTo(201);
        Reply retraction = post(
                "/api/treaties/" + treaty + "/corrections",
                "{\"recordId\":\"%s\",\"reason\":\"%s\",\"retract\":true}"
                        .formatted(deposit.body().path("recordId").asText(), REASON));
        assertThat(retraction.status()).as(retraction.body().toString()).isEqualTo(201);
        return treaty;
    }

    private List<String> replay(String treaty, Role role) throws Exception {
        try (SseClient client = SseClient.connect(url(treaty), null, authorization(role))) {
            assertThat(client.status()).isEqualTo(200);
            List<String> data = new ArrayList<>();
            for (SseClient.Frame frame : client.nextEvents(4, WAIT)) {
                data.add(frame.data());
            }
            return data;
        }
    }

    private List<String> storedHashes(String treaty) throws Exception {
        List<String> hashes = new ArrayList<>();
        for (byte[] meta : jdbc.queryForList(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                byte[].class,
                treaty)) {
            hashes.add(JSON.readTree(meta).path("hash").asText());
        }
        return hashes;
    }

    @Test
    void anonymousSubscribersReceiveThePublicEnvelopeOnly() throws Exception {
        String treaty = treatyWithARetractedReservation();
        List<String> hashes = storedHashes(treaty);

        List<String> events = replay(treaty, Role.ANONYMOUS);

        assertThat(events).hasSize(4);
        for (String data : events) {
            assertThat(EnvelopeSchema.validate(data)).as(data).isEmpty();
            JsonNode envelope = JSON.readTree(data);
            assertThat(envelope.path("view").asText()).isEqualTo("public");
            assertThat(envelope.has("payload")).isFalse();
            assertThat(envelope.has("metadata")).isFalse();
            assertThat(envelope.has("recordedBy")).isFalse();
            assertThat(data).doesNotContain(RESERVATION, REASON, "depositary", "system");
            assertThat(hashes).noneSatisfy(hash -> assertThat(data).contains(hash));
            assertThat(envelope.path("treatyId").asText()).isEqualTo(treaty);
        }
        assertThat(events)
                .extracting(data -> JSON.readTree(data).path("type").asText())
                .containsExactly("TREATY_REGISTERED", "SIGNATURE", "INSTRUMENT", "RETRACTION");
        JsonNode deposit = JSON.readTree(events.get(2));
        assertThat(deposit.path("participant").asText()).isEqualTo("FRA");
        assertThat(deposit.path("legalDate").asText()).isEqualTo("2026-01-10");
        assertThat(deposit.path("sequence").asLong()).isEqualTo(2);
        assertThat(JSON.readTree(events.get(0)).path("participant").isNull()).isTrue();
    }

    @Test
    void auditorsAndTheDepositaryReceiveTheFullEnvelope() throws Exception {
        String treaty = treatyWithARetractedReservation();
        List<String> hashes = storedHashes(treaty);

        for (Role role : List.of(Role.AUDITOR, Role.DEPOSITARY)) {
            List<String> events = replay(treaty, role);
            assertThat(events).as(role.name()).hasSize(4);
            for (int i = 0; i < events.size(); i++) {
                String data = events.get(i);
                assertThat(EnvelopeSchema.validate(data)).as(data).isEmpty();
                JsonNode envelope = JSON.readTree(data);
                assertThat(envelope.has("view")).isFalse();
                assertThat(envelope.path("metadata").path("hash").asText()).isEqualTo(hashes.get(i));
                assertThat(envelope.path("recordedBy").asText()).isIn("depositary", "system");
            }
            assertThat(JSON.readTree(events.get(2))
                            .at("/payload/reservations/0")
                            .asText())
                    .contains(RESERVATION);
            assertThat(JSON.readTree(events.get(3)).at("/payload/reason").asText())
                    .isEqualTo(REASON);
        }
    }

    @Test
    void liveEventsAreFilteredTheSameWay() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        String live = "http://localhost:" + port + "/api/events/stream?treaty=" + treaty;
        try (SseClient anonymous = SseClient.connect(live, null, null);
                SseClient auditor = SseClient.connect(live, null, authorization(Role.AUDITOR))) {
            anonymous.nextComment(WAIT);
            auditor.nextComment(WAIT);
            assertThat(post(
                                    "/api/treaties/" + treaty + "/signatures",
                                    "{\"participant\":\"ITA\",\"signedOn\":\"2025-10-26\",\"place\":\"Hanoi\"}")
                            .status())
                    .isEqualTo(201);

            String publicData = anonymous.nextEvent(WAIT).data();
            String fullData = auditor.nextEvent(WAIT).data();

            assertThat(EnvelopeSchema.validate(publicData)).isEmpty();
            assertThat(EnvelopeSchema.validate(fullData)).isEmpty();
            assertThat(JSON.readTree(publicData).path("participant").asText()).isEqualTo("ITA");
            assertThat(publicData).doesNotContain("Hanoi", "depositary");
            assertThat(JSON.readTree(fullData).at("/payload/place").asText()).isEqualTo("Hanoi");
            assertThat(JSON.readTree(fullData).path("recordedBy").asText()).isEqualTo("depositary");
        }
    }
}
