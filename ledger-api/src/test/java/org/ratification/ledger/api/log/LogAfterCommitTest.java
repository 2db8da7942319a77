package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.admin.InlineRebuilds;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.api.verify.LogVerifier;
import org.ratification.ledger.core.log.MerkleProofs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The log appended after commit ({@link LogTail}), in (xid, global index) order on PostgreSQL and in
 * global order on H2: a transaction still in progress holds back every record that may follow its own
 * (PostgreSQL: whose transaction id follows its own; H2: committed after this node's recording in
 * progress began), and health shows it; records written by many threads at once are each exactly one
 * leaf, in that order, a rebuild gives the same root, and the checkpoints signed meanwhile are
 * consistent with each other.
 */
// a context (and database) of its own: it rebuilds the log from its store
@TestPropertySource(properties = {"ledger.log.origin=after-commit-test", "ledger.operations.max-processor-lag=1s"})
class LogAfterCommitTest extends LogTestSupport {

    @Autowired
    DataSource dataSource;

    @Autowired
    LogStore store;

    @Autowired
    LogAppender appender;

    @Autowired
    InlineRebuilds rebuilds;

    @Autowired
    LogCheckpoints checkpoints;

    private Set<String> recordIdsOfLeaves() {
        return new java.util.HashSet<>(jdbc.queryForList("SELECT record_id FROM log_leaf", String.class));
    }

    private JsonNode logProcessor() {
        for (JsonNode processor : get("/api/admin/processors").body()) {
            if (processor.path("name").asText().equals(LogProjection.NAME)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + LogProjection.NAME);
    }

    private JsonNode logHealth() {
        return get("/actuator/health").body().at("/components/eventProcessors/details/log");
    }

    @Test
    void recordsWaitForAnOlderTransactionInProgressAndHealthShowsIt() throws Exception {
        String treaty = treatyWithRecords();
        awaitCheckpointOfAllRecords();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get("/actuator/health").body().path("status").asText().equals("UP"));

        boolean postgresql = PostgresDatabases.selected();
        List<String> held = new ArrayList<>();
        long ticket = 0;
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            if (postgresql) {
                // a transaction with an id, older than the recordings' below
                try (Statement statement = open.createStatement();
                        ResultSet xid = statement.executeQuery("SELECT pg_current_xact_id()")) {
                    assertThat(xid.next()).isTrue();
                }
            } else {
                // a recording of this node in progress, whose record takes a global index below theirs
                ticket = appender.openRecordings().begin();
                try (Statement statement = open.createStatement()) {
                    statement.executeUpdate(COPY_OF_FIRST_RECORD);
                }
            }
            for (String state : List.of("ITA", "ESP", "PRT")) {
                Reply reply = sign(treaty, state, "2025-10-27");
                assertThat(reply.status()).isEqualTo(201);
                held.add(reply.body().path("recordId").asText());
            }
            if (postgresql) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE xid IS NULL", Long.class))
                        .as("every record carries its transaction's id (Axon's insert names its columns)")
                        .isZero();
            }

            // the log waits (health DOWN after max-processor-lag, 1 s), and none of them becomes a leaf
            JsonNode down = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> get("/actuator/health").body(),
                            h -> h.path("status").asText().equals("DOWN"));
            JsonNode log = down.at("/components/eventProcessors/details/log");
            assertThat(log.path("mode").asText()).isEqualTo("after-commit");
            assertThat(log.path("behind").asLong()).isEqualTo(3);
            assertThat(log.path("behindSince").asText()).isNotEmpty();
            assertThat(log.path("reason").asText()).contains("waited longer");
            assertThat(recordIdsOfLeaves()).doesNotContainAnyElementsOf(held);
            assertThat(http.getForEntity("/actuator/prometheus", String.class).getBody())
                    .containsPattern("ledger_processor_lag\\{[^}]*processor=\"log\"[^}]*} 3");
            assertThat(logProcessor().path("upToDate").asBoolean())
                    .as("the admin's view of the log")
                    .isFalse();
            if (postgresql) {
                open.rollback();
            } else {
                // committed: its record becomes the leaf before theirs, in global order
                open.commit();
                appender.openRecordings().end(ticket);
            }
        }

        // the transaction ended: they become leaves, in order, and health is UP again
        await().atMost(Duration.ofSeconds(30)).until(() -> recordIdsOfLeaves().containsAll(held));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        get("/actuator/health").body().path("status").asText().equals("UP"));
        assertThat(logHealth().path("behind").asLong()).isZero();
        assertThat(logProcessor().path("upToDate").asBoolean()).isTrue();
        assertThat(leavesInOrder()).isEqualTo(storeInLeafOrder());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class))
                .isEqualTo(storedEvents());
    }

    /** A second copy of the store's first record, under a treaty id of its own (H2's held recording). */
    private static final String COPY_OF_FIRST_RECORD = "INSERT INTO domain_event_entry (event_identifier,"
            + " aggregate_identifier, sequence_number, type, payload_type, payload_revision, payload, meta_data,"
            + " time_stamp) SELECT 'held-record', 'held-treaty', 0, type, payload_type, payload_revision, payload,"
            + " meta_data, time_stamp FROM domain_event_entry ORDER BY global_index FETCH FIRST 1 ROWS ONLY";

    @Test
    void eachRoundSignsItsCheckpointInTheTransactionThatMovesTheHead() {
        // without the signer (at start, and every checkpoint-interval for what other nodes appended)
        checkpoints.stop();
        try {
            treatyWithRecords();
            long stored = storedEvents();
            await().atMost(Duration.ofSeconds(30)).until(() -> store.size() >= stored);

            // read in one statement: the head and the largest checkpoint commit together
            List<Long> headAndSigned = jdbc.queryForObject(
                    "SELECT h.tree_size, (SELECT MAX(tree_size) FROM log_checkpoint) FROM log_head h WHERE h.id = 1",
                    (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)));
            assertThat(headAndSigned.get(1)).isEqualTo(headAndSigned.get(0));
            JsonNode latest = as(Role.ANONYMOUS).get("/api/log/checkpoint").body();
            assertThat(latest.path("size").asLong()).isEqualTo(store.size());
            assertThat(LogVerifier.checkpoint(latest, key()).valid()).isTrue();
        } finally {
            checkpoints.start();
        }
    }

    @Test
    void recordsWrittenByManyThreadsAreEachOneLeafAndTheCheckpointsSignedMeanwhileAreConsistent() throws Exception {
        List<String> treaties = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            treaties.add(registerTreaty(40, 90, 30, false));
        }
        List<String> states = List.of(
                "FRA", "DEU", "ITA", "ESP", "PRT", "NLD", "BEL", "AUT", "POL", "SWE", "FIN", "DNK", "IRL", "GRC");
        Set<Long> signedSizes = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> sent = new ArrayList<>();
        for (String state : states) {
            for (String treaty : treaties) {
                sent.add(clients.submit(() -> {
                    int status = sign(treaty, state, "2025-10-25").status();
                    Reply latest = as(Role.ANONYMOUS).get("/api/log/checkpoint");
                    if (latest.status() == 200) {
                        signedSizes.add(latest.body().path("size").asLong());
                    }
                    return status;
                }));
            }
        }
        for (Future<Integer> status : sent) {
            assertThat(status.get()).isEqualTo(201);
        }
        clients.shutdown();
        JsonNode last = awaitCheckpointOfAllRecords();

        long records = storedEvents();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM log_leaf", Long.class))
                .as("one leaf per record")
                .isEqualTo(records);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT global_index) FROM log_leaf", Long.class))
                .isEqualTo(records);
        assertThat(leavesInOrder()).isEqualTo(storeInLeafOrder());

        // every checkpoint signed meanwhile is a prefix of the final tree
        JsonNode signed =
                as(Role.ANONYMOUS).get("/api/log/checkpoints?from=1&limit=1000").body();
        assertThat(signed.size()).isGreaterThan(1);
        List<JsonNode> checkpoints = new ArrayList<>();
        signed.forEach(checkpoints::add);
        assertThat(checkpoints.stream().map(c -> c.path("size").asLong()).toList())
                .containsAll(signedSizes);
        for (int i = 1; i < checkpoints.size(); i++) {
            JsonNode older = checkpoints.get(i - 1);
            JsonNode newer = checkpoints.get(i);
            Reply proof = as(Role.ANONYMOUS)
                    .get("/api/log/proof/consistency?from=" + older.path("size").asLong() + "&to="
                            + newer.path("size").asLong());
            assertThat(LogVerifier.consistency(proof.body(), older, newer, key())
                            .valid())
                    .as("%s to %s", older.path("size"), newer.path("size"))
                    .isTrue();
        }

        long size = last.path("size").asLong();
        byte[] root = MerkleProofs.rootAt(size, store::nodes);
        assertThat(post("/api/admin/rebuild/log", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuilds.fold(LogProjection.NAME)
                .map(InlineRebuilds.Fold::done)
                .orElse(false));
        assertThat(appender.divergence()).isNull();
        assertThat(store.size()).isGreaterThanOrEqualTo(size);
        assertThat(MerkleProofs.rootAt(size, store::nodes))
                .isEqualTo(root)
                .isEqualTo(HexFormat.of().parseHex(last.path("rootHash").asText()));
        assertThat(leavesInOrder()).isEqualTo(storeInLeafOrder());
    }
}
