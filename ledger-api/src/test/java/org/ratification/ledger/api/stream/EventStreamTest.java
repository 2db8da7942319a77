package org.ratification.ledger.api.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The SSE stream end to end: live delivery, the treaty filter, resuming, heartbeats, refusals. */
class EventStreamTest extends ApiTestSupport {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    LiveEvents live;

    private String url(String query) {
        return "http://localhost:" + port + "/api/events/stream" + query;
    }

    private String authorization(Role role) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        authenticate(headers, role);
        return headers.getFirst(org.springframework.http.HttpHeaders.AUTHORIZATION);
    }

    private JsonNode data(SseClient.Frame frame) throws Exception {
        return JSON.readTree(frame.data());
    }

    @Test
    void aSubscriberReceivesEachRecordedEventWithItsPositionTypeAndEnvelope() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        // an auditor receives the full envelope (PublicEventStreamApiTest: what everyone else receives)
        try (SseClient client = SseClient.connect(url("?treaty=" + treaty), null, authorization(Role.AUDITOR))) {
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.contentType()).startsWith("text/event-stream");
            // committed by the request's thread before any sender writes, security headers included
            assertThat(client.header("Content-Security-Policy")).startsWith("default-src 'self'");
            assertThat(client.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(client.header("Cache-Control")).isEqualTo("no-store");
            assertThat(client.nextComment(WAIT)).isEqualTo("connected");
            ratify(treaty, "FRA", "2025-10-25", "2026-01-10");

            List<SseClient.Frame> events = client.nextEvents(2, WAIT);
            assertThat(events).extracting(SseClient.Frame::event).containsExactly("SIGNATURE", "INSTRUMENT");
            assertThat(events.get(1).position()).isGreaterThan(events.get(0).position());

            JsonNode deposit = data(events.get(1));
            assertThat(deposit.path("globalPosition").asLong())
                    .isEqualTo(events.get(1).position());
            assertThat(deposit.path("type").asText()).isEqualTo("INSTRUMENT");
            assertThat(deposit.path("revision").asText()).isEqualTo("1");
            assertThat(deposit.path("treatyId").asText()).isEqualTo(treaty);
            assertThat(deposit.path("sequence").asLong()).isEqualTo(2);
            assertThat(deposit.path("legalDate").asText()).isEqualTo("2026-01-10");
            assertThat(deposit.path("recordedBy").asText()).isEqualTo("depositary");
            assertThat(deposit.path("metadata").path("recordedAt").asText())
                    .isEqualTo(deposit.path("recordedAt").asText())
                    .isNotBlank();
            assertThat(deposit.path("payload").path("participant").asText()).isEqualTo("FRA");
            assertThat(deposit.path("payload").path("type").asText()).isEqualTo("RATIFICATION");
            String eventId = jdbc.queryForObject(
                    "SELECT event_identifier FROM domain_event_entry WHERE global_index = ?",
                    String.class,
                    events.get(1).position());
            assertThat(deposit.path("eventId").asText()).isEqualTo(eventId);
            for (SseClient.Frame frame : events) {
                assertThat(EnvelopeSchema.validate(frame.data())).isEmpty();
            }
        }
    }

    @Test
    void theTreatyFilterLeavesOutOtherTreatiesAndNoFilterKeepsAll() throws Exception {
        String mine = registerTreaty(40, 90, 30, false);
        String other = registerTreaty(40, 90, 30, false);
        try (SseClient filtered = SseClient.connect(url("?treaty=" + mine), null);
                SseClient everything = SseClient.connect(url(""), null)) {
            filtered.nextComment(WAIT);
            everything.nextComment(WAIT);
            assertThat(sign(other, "DEU", "2025-10-25").status()).isEqualTo(201);
            assertThat(sign(mine, "ITA", "2025-10-26").status()).isEqualTo(201);

            SseClient.Frame first = filtered.nextEvent(WAIT);
            assertThat(data(first).path("treatyId").asText()).isEqualTo(mine);
            assertThat(data(first).path("participant").asText()).isEqualTo("ITA");
            assertThat(everything.nextEvents(2, WAIT))
                    .extracting(f -> data(f).path("treatyId").asText())
                    .containsExactly(other, mine);
        }
    }

    @Test
    void aReconnectingSubscriberReceivesExactlyTheEventsItMissedThenLiveOnes() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        String other = registerTreaty(40, 90, 30, false);
        String lastSeen;
        try (SseClient client = SseClient.connect(url("?treaty=" + treaty), null)) {
            client.nextComment(WAIT);
            sign(treaty, "FRA", "2025-10-25");
            lastSeen = client.nextEvent(WAIT).id();
        }
        sign(treaty, "DEU", "2025-10-26");
        sign(other, "ESP", "2025-10-26");
        sign(treaty, "ITA", "2025-10-27");
        deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");

        try (SseClient resumed = SseClient.connect(url("?treaty=" + treaty), lastSeen)) {
            List<SseClient.Frame> missed = resumed.nextEvents(3, WAIT);
            assertThat(missed)
                    .extracting(f -> data(f).path("participant").asText())
                    .containsExactly("DEU", "ITA", "FRA");
            assertThat(missed)
                    .extracting(SseClient.Frame::event)
                    .containsExactly("SIGNATURE", "SIGNATURE", "INSTRUMENT");
            assertThat(missed).allSatisfy(f -> assertThat(f.position()).isGreaterThan(Long.parseLong(lastSeen)));

            sign(treaty, "NLD", "2025-10-28");
            SseClient.Frame liveOne = resumed.nextEvent(WAIT);
            assertThat(data(liveOne).path("participant").asText()).isEqualTo("NLD");
            assertThat(liveOne.position()).isGreaterThan(missed.get(2).position());
            assertThat(resumed.eventsUntilHeartbeat(WAIT))
                    .as("nothing sent twice")
                    .isEmpty();
        }

        try (SseClient byParameter = SseClient.connect(url("?treaty=" + treaty + "&lastEventId=" + lastSeen), null)) {
            assertThat(byParameter.nextEvents(4, WAIT))
                    .extracting(f -> data(f).path("participant").asText())
                    .containsExactly("DEU", "ITA", "FRA", "NLD");
            assertThat(byParameter.eventsUntilHeartbeat(WAIT)).isEmpty();
        }
    }

    @Test
    void idleConnectionsReceiveHeartbeats() throws Exception {
        try (SseClient client = SseClient.connect(url(""), null)) {
            assertThat(client.nextComment(WAIT)).isEqualTo("connected");
            assertThat(client.nextComment(WAIT)).isEqualTo("heartbeat");
        }
    }

    @Test
    void manySubscribersEachReceiveTheEventOnce() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        List<SseClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 25; i++) {
                SseClient client = SseClient.connect(url("?treaty=" + treaty), null);
                clients.add(client);
                client.nextComment(WAIT);
            }
            assertThat(live.subscribers()).isGreaterThanOrEqualTo(25);
            sign(treaty, "FRA", "2025-10-25");
            for (SseClient client : clients) {
                assertThat(data(client.nextEvent(WAIT)).path("participant").asText())
                        .isEqualTo("FRA");
                assertThat(client.eventsUntilHeartbeat(WAIT)).isEmpty();
            }
        } finally {
            clients.forEach(SseClient::close);
        }
    }

    @Test
    void aBadLastEventIdOrAnUnknownTreatyIsRefusedWithProblemJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> badId = http.send(
                HttpRequest.newBuilder(URI.create(url("")))
                        .header("Accept", "text/event-stream")
                        .header("Last-Event-ID", "yesterday")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(badId.body()).path("code").asText()).isEqualTo("INVALID_LAST_EVENT_ID");

        HttpResponse<String> unknown = http.send(
                HttpRequest.newBuilder(URI.create(url("?treaty=no-such-treaty")))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("TREATY_NOT_FOUND");
    }
}
