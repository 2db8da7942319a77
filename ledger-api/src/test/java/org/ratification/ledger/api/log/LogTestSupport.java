package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.core.log.LogKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/** What the log's HTTP tests share: records to log, waiting for their checkpoint, the key, the export. */
abstract class LogTestSupport extends ApiTestSupport {

    /** Waits until the log's latest checkpoint covers every stored record, and returns it. */
    JsonNode awaitCheckpointOfAllRecords() {
        long stored = storedEvents();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Reply reply = as(Role.ANONYMOUS).get("/api/log/checkpoint");
                    return reply.status() == 200 && reply.body().path("size").asLong() >= stored;
                });
        return as(Role.ANONYMOUS).get("/api/log/checkpoint").body();
    }

    /** The global indexes of the log's leaves, in leaf order. */
    List<Long> leavesInOrder() {
        return jdbc.queryForList("SELECT global_index FROM log_leaf ORDER BY leaf_index", Long.class);
    }

    /**
     * The global indexes of the stored records in the log's order: the global index on H2;
     * (xid NULLS FIRST, global index) on PostgreSQL, where the log is appended after commit (docs/LOG.md).
     */
    List<Long> storeInLeafOrder() {
        return jdbc.queryForList(
                PostgresDatabases.selected()
                        ? "SELECT global_index FROM domain_event_entry ORDER BY xid NULLS FIRST, global_index"
                        : "SELECT global_index FROM domain_event_entry ORDER BY global_index",
                Long.class);
    }

    PublicKey key() {
        return LogKeys.publicKey(
                as(Role.ANONYMOUS).get("/api/log/key").body().path("publicKey").asText());
    }

    String treatyWithRecords() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);
        return treaty;
    }

    String recordIdOf(String treaty, long sequence) throws Exception {
        byte[] payload = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                byte[].class,
                treaty,
                sequence);
        return JSON.readTree(payload).path("recordId").asText();
    }

    /** The export of the log's leaves (as the depositary; auditors may read it too). */
    String exportAsAuditor() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, "application/x-ndjson");
        org.springframework.http.ResponseEntity<String> response = http.exchange(
                "/api/log/leaves", HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody() == null ? "" : response.getBody();
    }
}
