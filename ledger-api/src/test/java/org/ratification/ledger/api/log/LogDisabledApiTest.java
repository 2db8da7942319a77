package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code ledger.log.enabled=false} (to measure what the log costs): recordings succeed without a
 * leaf, a lock or a checkpoint, the log's endpoints answer 503 LOG_DISABLED, notifications carry no
 * place in the log, and the log's read model version is forgotten so the next start folds it again.
 */
@TestPropertySource(properties = "ledger.log.enabled=false")
class LogDisabledApiTest extends ApiTestSupport {

    @Test
    void recordsWithoutTheLogAndItsEndpointsAnswerLogDisabled() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT tree_size FROM log_head WHERE id = 1", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_checkpoint", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM read_model_version WHERE name = ?", Long.class, LogProjection.NAME))
                .isZero();

        for (String path : new String[] {
            "/api/log/key",
            "/api/log/checkpoint",
            "/api/log/checkpoints?from=0",
            "/api/log/proof/inclusion?recordId=x&size=1",
            "/api/log/proof/consistency?from=1&to=2"
        }) {
            Reply reply = as(Role.ANONYMOUS).get(path);
            assertThat(reply.status()).as(path).isEqualTo(503);
            assertThat(reply.code()).as(path).isEqualTo("LOG_DISABLED");
            assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
        }

        // notifications are still served, without a place in the log
        JsonNode notifications = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> get("/api/treaties/" + treaty + "/notifications"),
                        r -> r.status() == 200 && r.body().size() > 0)
                .body();
        notifications.forEach(
                n -> assertThat(n.hasNonNull("leafIndex")).as(n.toString()).isFalse());
    }
}
