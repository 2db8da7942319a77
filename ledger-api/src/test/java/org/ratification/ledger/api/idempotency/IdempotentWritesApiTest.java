package org.ratification.ledger.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** A write sent again with its Idempotency-Key is recorded once and answered as the first time. */
class IdempotentWritesApiTest extends ApiTestSupport {

    private Reply post(String path, String json, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotency-Key", key);
        return as(Role.DEPOSITARY).exchange(HttpMethod.POST, path, json, headers);
    }

    private long eventsOf(String treaty) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, treaty);
    }

    private static String signature(String participant, String date) {
        return "{\"participant\":\"%s\",\"signedOn\":\"%s\"}".formatted(participant, date);
    }

    @Test
    void theSameKeyAndBodyAreRecordedOnceAndAnsweredWithTheOriginalResponse() {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String path = "/api/treaties/" + treaty + "/signatures";

        Reply first = post(path, signature("FRA", "2025-10-25"), key);
        Reply again = post(path, signature("FRA", "2025-10-25"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(first.headers().getLocation()).isNotNull();
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(again.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(eventsOf(treaty)).isEqualTo(2);
    }

    @Test
    void theSameContentWrittenDifferentlyIsTheSameRequest() {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String path = "/api/treaties/" + treaty + "/signatures";

        Reply first = post(path, "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\"}", key);
        Reply again = post(path, "{ \"signedOn\" : \"2025-10-25\",\n \"participant\" : \"FRA\" }", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("recordId")).isEqualTo(first.body().path("recordId"));
        assertThat(eventsOf(treaty)).isEqualTo(2);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndRecordsNothing() {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String path = "/api/treaties/" + treaty + "/signatures";
        assertThat(post(path, signature("FRA", "2025-10-25"), key).status()).isEqualTo(201);

        Reply reused = post(path, signature("DEU", "2025-10-25"), key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(eventsOf(treaty)).isEqualTo(2);
        assertThat(get("/api/treaties/" + treaty + "/participants/DEU").status())
                .isEqualTo(404);
    }

    @Test
    void theSameKeyOnAnotherEndpointIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        assertThat(post("/api/treaties/" + treaty + "/signatures", signature("FRA", "2025-10-25"), key)
                        .status())
                .isEqualTo(201);

        Reply reused = post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"FRA\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-01-10\"}",
                key);

        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void aRefusalIsNotRememberedSoTheCorrectedSituationIsEvaluatedAfresh() {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String deposit = "{\"participant\":\"FRA\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-01-10\"}";
        String path = "/api/treaties/" + treaty + "/instruments";

        Reply refused = post(path, deposit, key);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("NOT_SIGNED");
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);

        Reply recorded = post(path, deposit, key);
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(post(path, deposit, key).body()).isEqualTo(recorded.body());
        assertThat(eventsOf(treaty)).isEqualTo(3);
    }

    @Test
    void concurrentRequestsWithOneKeyRecordOnceAndAllGetTheSameAnswer() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        String key = UUID.randomUUID().toString();
        String path = "/api/treaties/" + treaty + "/signatures";
        int requests = 8;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return post(path, signature("FRA", "2025-10-25"), key);
                }));
            }
            start.countDown();
            List<Reply> answers = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                answers.add(reply.get());
            }

            assertThat(answers).extracting(Reply::status).containsOnly(201);
            assertThat(answers)
                    .extracting(r -> r.body().path("recordId").asText())
                    .containsOnly(answers.get(0).body().path("recordId").asText());
            assertThat(eventsOf(treaty)).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMalformedKeyIsRefused() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply reply = post("/api/treaties/" + treaty + "/signatures", signature("FRA", "2025-10-25"), "a key");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(eventsOf(treaty)).isEqualTo(1);
    }

    @Test
    void aRegistrationIsReplayedWithItsLocation() {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String key = UUID.randomUUID().toString();
        String body =
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":3,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id);

        Reply first = post("/api/treaties", body, key);
        Reply again = post("/api/treaties", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(eventsOf(id)).isEqualTo(1);
    }
}
