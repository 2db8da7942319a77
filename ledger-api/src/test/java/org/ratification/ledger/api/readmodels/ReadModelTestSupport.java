package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Helpers for the read model tests. Writes wait only for the status read model; the history and
 * notifications read models are awaited here, on conditions, never by sleeping.
 */
abstract class ReadModelTestSupport extends ApiTestSupport {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** Waits until the history holds {@code records} records of the treaty and answers its first page. */
    JsonNode awaitHistory(String treaty, int records) {
        await().atMost(PATIENCE)
                .until(() -> get("/api/treaties/" + treaty + "/history?size=500")
                                .body()
                                .path("total")
                                .asInt(-1)
                        == records);
        return get("/api/treaties/" + treaty + "/history?size=500").body();
    }

    /** Waits until the treaty has {@code count} notifications and answers them. */
    JsonNode awaitNotifications(String treaty, int count) {
        await().atMost(PATIENCE)
                .until(() -> get("/api/treaties/" + treaty + "/notifications").body().size() == count);
        return get("/api/treaties/" + treaty + "/notifications").body();
    }

    Reply communicate(String treaty, String participant, String kind, String date, String text, String refersTo) {
        String refers = refersTo == null ? "" : ",\"refersTo\":\"" + refersTo + "\"";
        return post(
                "/api/treaties/" + treaty + "/communications",
                "{\"participant\":\"%s\",\"kind\":\"%s\",\"receivedOn\":\"%s\",\"text\":\"%s\"%s}"
                        .formatted(participant, kind, date, text, refers));
    }

    Reply correctDate(String treaty, String recordId, String date, String reason) {
        return post(
                "/api/treaties/" + treaty + "/corrections",
                "{\"recordId\":\"%s\",\"reason\":\"%s\",\"correction\":{\"date\":\"%s\"}}"
                        .formatted(recordId, reason, date));
    }

    Reply retract(String treaty, String recordId, String reason) {
        return post(
                "/api/treaties/" + treaty + "/corrections",
                "{\"recordId\":\"%s\",\"reason\":\"%s\",\"retract\":true}".formatted(recordId, reason));
    }

    Reply depositWith(String treaty, String participant, String type, String date, String reservation) {
        return post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"%s\",\"type\":\"%s\",\"depositedOn\":\"%s\",\"reservations\":[\"%s\"]}"
                        .formatted(participant, type, date, reservation));
    }

    static String recordId(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return reply.body().path("recordId").asText();
    }

    /** A GET with one Accept header, answered as text. */
    ResponseEntity<String> getText(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(accept)));
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** An instant strictly between the writes before and after it. */
    static Instant between() {
        Instant now = Instant.now();
        while (!Instant.now().isAfter(now)) {
            Thread.onSpinWait();
        }
        return now;
    }

    static JsonNode byType(JsonNode records, String type, int nth) {
        int seen = 0;
        for (JsonNode r : records) {
            if (r.path("type").asText().equals(type) && seen++ == nth) {
                return r;
            }
        }
        throw new AssertionError("No " + type + " #" + nth + " in " + records);
    }
}
