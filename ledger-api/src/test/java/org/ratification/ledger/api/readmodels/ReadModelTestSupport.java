package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
                .until(() ->
                        get("/api/treaties/" + treaty + "/notifications").body().size() == count);
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

    /** What a random history recorded: its treaty and how many records were accepted. */
    record History(String treaty, int records) {}

    private static final List<String> STATES =
            List.of("FRA", "DEU", "VNM", "NRU", "TUV", "BRA", "KEN", "JPN", "ITA", "ESP", "AUT", "CHL");

    /**
     * Records a seeded random history: signatures, deposits (in random date order, so earlier
     * deposits are often recorded later), accessions, an organization's instrument, denunciations,
     * declarations, corrections of dates and retractions. Requests the ledger refuses are simply
     * not recorded. {@code afterEach} is called with the treaty and the number of records after each accepted record.
     */
    History randomHistory(long seed, int operations, java.util.function.ObjIntConsumer<String> afterEach) {
        java.util.Random random = new java.util.Random(seed);
        String treaty = registerTreaty(
                2 + random.nextInt(4),
                List.of(0, 30, 90).get(random.nextInt(3)),
                random.nextInt(2) * 30,
                random.nextBoolean());
        java.time.LocalDate last = java.time.LocalDate.now(ZoneOffset.UTC);
        java.time.LocalDate closes = java.time.LocalDate.of(2026, 12, 31);
        java.time.LocalDate lastSignature = last.isBefore(closes) ? last : closes;
        java.time.LocalDate first = java.time.LocalDate.of(2025, 1, 1);
        java.util.Map<String, java.time.LocalDate> signed = new java.util.HashMap<>();
        List<String> records = new java.util.ArrayList<>();
        int accepted = 1;
        for (int i = 0; i < operations; i++) {
            String p = STATES.get(random.nextInt(STATES.size()));
            int op = random.nextInt(100);
            Reply reply;
            if (op < 30) {
                java.time.LocalDate date = between(random, first, lastSignature);
                reply = sign(treaty, p, date.toString());
                if (reply.status() == 201) {
                    signed.putIfAbsent(p, date);
                }
            } else if (op < 60) {
                java.time.LocalDate from = signed.getOrDefault(p, first);
                String type = signed.containsKey(p) ? "RATIFICATION" : "ACCESSION";
                reply = deposit(treaty, p, type, between(random, from, last).toString());
            } else if (op < 65) {
                reply = post(
                        "/api/treaties/" + treaty + "/instruments",
                        "{\"participant\":\"EU\",\"type\":\"APPROVAL\",\"depositedOn\":\"%s\","
                                        .formatted(between(random, first, last))
                                + "\"declarations\":[\"Competence over the matters governed by the treaty\"]}");
            } else if (op < 72) {
                reply = post(
                        "/api/treaties/" + treaty + "/denunciations",
                        "{\"participant\":\"%s\",\"receivedOn\":\"%s\"}".formatted(p, between(random, first, last)));
            } else if (op < 78) {
                reply = communicate(
                        treaty, p, "DECLARATION", between(random, first, last).toString(), "Declaration " + i, null);
            } else if (op < 92 && !records.isEmpty()) {
                String target = records.get(random.nextInt(records.size()));
                reply = correctDate(treaty, target, between(random, first, last).toString(), "Date corrected");
            } else if (!records.isEmpty()) {
                String target = records.get(random.nextInt(records.size()));
                reply = retract(treaty, target, "Made in error");
            } else {
                continue;
            }
            assertThat(reply.status()).as(reply.body().toString()).isIn(201, 404, 409, 422);
            if (reply.status() == 201) {
                accepted++;
                String action = reply.body().path("action").asText();
                if (!action.equals("CORRECTION") && !action.equals("RETRACTION")) {
                    records.add(reply.body().path("recordId").asText());
                }
                afterEach.accept(treaty, accepted);
            }
        }
        return new History(treaty, accepted);
    }

    private static java.time.LocalDate between(
            java.util.Random random, java.time.LocalDate from, java.time.LocalDate to) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(from, to);
        return days <= 0 ? from : from.plusDays(random.nextLong(days + 1));
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
