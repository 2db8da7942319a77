package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.verify.LogVerifier;
import org.ratification.ledger.core.log.Checkpoint;
import org.ratification.ledger.core.log.LogKeys;
import org.springframework.test.context.TestPropertySource;

/**
 * The log as the service keeps and serves it: every record is a leaf, each batch is signed, the
 * proofs verify with the offline verifier against a signed checkpoint, bad requests are refused
 * with stable codes, notifications carry their checkpoint, and a rebuild gives the same root.
 */
// a context of its own: its rebuild of the log replays the whole store, which other test classes
// alter on purpose (a rebuilt log then rightly refuses to match the checkpoints it signed before)
@TestPropertySource(properties = "ledger.log.origin=log-api-test")
class LogApiTest extends LogTestSupport {

    @Test
    void theLatestCheckpointCoversEveryRecordAndIsSignedByThePublishedKey() {
        treatyWithRecords();
        JsonNode checkpoint = awaitCheckpointOfAllRecords();

        JsonNode key = as(Role.ANONYMOUS).get("/api/log/key").body();
        assertThat(key.path("algorithm").asText()).isEqualTo("Ed25519");
        assertThat(key.path("keyId").asText())
                .isEqualTo(checkpoint.path("keyId").asText());
        Checkpoint note = Checkpoint.parse(checkpoint.path("note").asText());
        assertThat(note.size()).isEqualTo(checkpoint.path("size").asLong());
        assertThat(note.rootHashHex()).isEqualTo(checkpoint.path("rootHash").asText());
        assertThat(note.origin()).isEqualTo(key.path("origin").asText());
        assertThat(LogVerifier.checkpoint(checkpoint, key()).valid()).isTrue();
        assertThat(LogVerifier.checkpoint(checkpoint, LogKeys.generate().getPublic())
                        .valid())
                .isFalse();

        JsonNode page =
                as(Role.ANONYMOUS).get("/api/log/checkpoints?from=1&limit=1000").body();
        assertThat(page.size()).isBetween(1, 1000);
        List<Long> sizes = new ArrayList<>();
        page.forEach(c -> sizes.add(c.path("size").asLong()));
        assertThat(sizes).isSorted().doesNotHaveDuplicates();
        page.forEach(c -> assertThat(LogVerifier.checkpoint(c, key()).valid()).isTrue());
    }

    @Test
    void anInclusionProofOfARecordVerifiesOfflineAgainstTheCheckpoint() throws Exception {
        String treaty = treatyWithRecords();
        JsonNode checkpoint = awaitCheckpointOfAllRecords();
        String recordId = recordIdOf(treaty, 2);

        Reply proof = as(Role.ANONYMOUS)
                .get("/api/log/proof/inclusion?recordId=" + recordId + "&size="
                        + checkpoint.path("size").asLong());

        assertThat(proof.status()).as(proof.body().toString()).isEqualTo(200);
        assertThat(proof.body().path("treatyId").asText()).isEqualTo(treaty);
        assertThat(proof.body().path("sequence").asLong()).isEqualTo(2);
        assertThat(proof.body().path("rootHash").asText())
                .isEqualTo(checkpoint.path("rootHash").asText());
        assertThat(LogVerifier.inclusion(proof.body(), checkpoint, key()).valid())
                .isTrue();
        // another record's hash does not follow the same path
        String otherHash = JSON.readTree(jdbc.queryForObject(
                        "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                        byte[].class,
                        treaty))
                .path("hash")
                .asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) proof.body()).put("chainHash", otherHash);
        assertThat(LogVerifier.inclusion(proof.body(), checkpoint, key()).valid())
                .isFalse();
    }

    @Test
    void aConsistencyProofShowsThatTheLogExtendsAnOlderCheckpoint() {
        treatyWithRecords();
        JsonNode older = awaitCheckpointOfAllRecords();
        treatyWithRecords();
        JsonNode newer = awaitCheckpointOfAllRecords();
        assertThat(newer.path("size").asLong()).isGreaterThan(older.path("size").asLong());

        Reply proof = as(Role.ANONYMOUS)
                .get("/api/log/proof/consistency?from=" + older.path("size").asLong() + "&to="
                        + newer.path("size").asLong());

        assertThat(proof.status()).as(proof.body().toString()).isEqualTo(200);
        assertThat(LogVerifier.consistency(proof.body(), older, newer, key()).valid())
                .isTrue();
        assertThat(LogVerifier.consistency(proof.body(), newer, older, key()).valid())
                .isFalse();
    }

    @Test
    void badRequestsAreRefusedWithStableCodes() {
        treatyWithRecords();
        JsonNode checkpoint = awaitCheckpointOfAllRecords();
        long size = checkpoint.path("size").asLong();
        long before = storedEvents();

        assertThat(as(Role.ANONYMOUS)
                        .get("/api/log/proof/inclusion?recordId=no-such-record")
                        .code())
                .isEqualTo("RECORD_NOT_IN_LOG");
        Reply beyond = as(Role.ANONYMOUS).get("/api/log/proof/consistency?from=1&to=" + (size + 1000));
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.code()).isEqualTo("SIZE_BEYOND_LOG");
        assertThat(beyond.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/log/proof/consistency?from=3&to=2")
                        .code())
                .isEqualTo("INVALID_TREE_SIZES");
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/log/proof/consistency?from=0&to=2")
                        .code())
                .isEqualTo("INVALID_TREE_SIZES");
        assertThat(as(Role.ANONYMOUS).get("/api/log/checkpoints?limit=0").code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(as(Role.ANONYMOUS).get("/api/log/checkpoints?limit=1001").code())
                .isEqualTo("INVALID_LIMIT");
        assertThat(as(Role.ANONYMOUS).get("/api/log/checkpoints?from=-1").code())
                .isEqualTo("INVALID_TREE_SIZE");
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/log/proof/inclusion?recordId=x&size=abc")
                        .status())
                .isEqualTo(400);
        assertThat(as(Role.ANONYMOUS)
                        .get("/api/log/proof/inclusion?recordId=" + "x".repeat(300))
                        .code())
                .isEqualTo("INVALID_RECORD_ID");
        assertThat(as(Role.ANONYMOUS).get("/api/log/leaves").status()).isEqualTo(401);
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aLaterRecordIsNotInAnEarlierTree() throws Exception {
        treatyWithRecords();
        JsonNode older = awaitCheckpointOfAllRecords();
        String later = treatyWithRecords();
        awaitCheckpointOfAllRecords();

        Reply reply = as(Role.ANONYMOUS)
                .get("/api/log/proof/inclusion?recordId=" + recordIdOf(later, 1) + "&size="
                        + older.path("size").asLong());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("RECORD_AFTER_TREE_SIZE");
    }

    @Test
    void everyNotificationCarriesTheFirstCheckpointThatCoversItsRecord() throws Exception {
        String treaty = treatyWithRecords();
        awaitCheckpointOfAllRecords();

        JsonNode notifications = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> as(Role.ANONYMOUS)
                                .get("/api/treaties/" + treaty + "/notifications")
                                .body(),
                        body -> body.size() == 3
                                && body.findValues("checkpoint").stream().noneMatch(JsonNode::isNull));

        for (JsonNode notification : notifications) {
            assertThat(notification.path("reference").asText()).startsWith("C.N.");
            long leaf = notification.path("leafIndex").asLong();
            JsonNode checkpoint = notification.path("checkpoint");
            assertThat(checkpoint.path("size").asLong()).isGreaterThan(leaf);
            assertThat(LogVerifier.checkpoint(checkpoint, key()).valid()).isTrue();
            JsonNode proof = as(Role.ANONYMOUS)
                    .get("/api/log/proof/inclusion?recordId="
                            + notification.path("recordId").asText() + "&size="
                            + checkpoint.path("size").asLong())
                    .body();
            assertThat(proof.path("leafIndex").asLong()).isEqualTo(leaf);
            assertThat(LogVerifier.inclusion(proof, checkpoint, key()).valid()).isTrue();
        }
    }

    @Test
    void theExportRecomputesTheCheckpointsRootWithoutTheLedgersClasses() throws Exception {
        treatyWithRecords();
        JsonNode checkpoint = awaitCheckpointOfAllRecords();
        String export = exportAsAuditor();

        // independent: plain MessageDigest code over the export's stored hashes, RFC 9162 by recursion
        List<byte[]> leaves = new ArrayList<>();
        for (String line : export.split("\n")) {
            if (leaves.size() == checkpoint.path("size").asLong()) {
                break;
            }
            String hash = JSON.readTree(line).path("metadata").path("hash").asText();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((byte) 0);
            leaves.add(sha.digest(HexFormat.of().parseHex(hash)));
        }
        byte[] root = independentRoot(leaves);
        assertThat(Base64.getEncoder().encodeToString(root))
                .isEqualTo(checkpoint.path("note").asText().split("\n")[2]);

        LogVerifier.Report report = LogVerifier.export(
                Arrays.asList(export.split("\n")).iterator(),
                Checkpoint.parse(checkpoint.path("note").asText()));
        assertThat(report.valid()).as(String.valueOf(report)).isTrue();
    }

    static byte[] independentRoot(List<byte[]> leaves) throws Exception {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = 1;
        while (k * 2 < leaves.size()) {
            k *= 2;
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((byte) 1);
        sha.update(independentRoot(leaves.subList(0, k)));
        sha.update(independentRoot(leaves.subList(k, leaves.size())));
        return sha.digest();
    }

    @Test
    void recordsWrittenConcurrentlyAreLeavesInLeafOrderAndARebuildGivesTheSameRoot() throws Exception {
        List<String> treaties = List.of(
                registerTreaty(40, 90, 30, false),
                registerTreaty(40, 90, 30, false),
                registerTreaty(40, 90, 30, false),
                registerTreaty(40, 90, 30, false));
        List<String> states = List.of("FRA", "DEU", "ITA", "ESP", "PRT", "NLD", "BEL", "AUT", "POL", "SWE");
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Integer>> sent = new java.util.ArrayList<>();
        for (String treaty : treaties) {
            for (String state : states) {
                sent.add(clients.submit(() -> sign(treaty, state, "2025-10-25").status()));
            }
        }
        for (java.util.concurrent.Future<Integer> status : sent) {
            assertThat(status.get()).isEqualTo(201);
        }
        clients.shutdown();
        // appended after commit: in global order on H2 (below this node's recordings in progress),
        // in (xid, global index) order on PostgreSQL
        JsonNode before = awaitCheckpointOfAllRecords();
        assertThat(leavesInOrder()).isEqualTo(storeInLeafOrder());
        byte[] root = org.ratification.ledger.core.log.MerkleProofs.rootAt(
                before.path("size").asLong(), store::nodes);

        assertThat(post("/api/admin/rebuild/log", "").status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> rebuilds.fold(LogProjection.NAME)
                .map(org.ratification.ledger.api.admin.InlineRebuilds.Fold::done)
                .orElse(false));
        assertThat(store.size()).isGreaterThanOrEqualTo(before.path("size").asLong());
        assertThat(org.ratification.ledger.core.log.MerkleProofs.rootAt(
                        before.path("size").asLong(), store::nodes))
                .isEqualTo(root)
                .isEqualTo(HexFormat.of().parseHex(before.path("rootHash").asText()));
    }

    @org.springframework.beans.factory.annotation.Autowired
    LogStore store;

    @org.springframework.beans.factory.annotation.Autowired
    org.ratification.ledger.api.admin.InlineRebuilds rebuilds;
}
