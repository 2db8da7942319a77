package org.ratification.ledger.api.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.config.AxonConfiguration;
import org.ratification.ledger.api.verify.LogVerifier;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.chain.ChainLink;
import org.ratification.ledger.core.chain.RecordChain;
import org.ratification.ledger.core.log.Checkpoint;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * What an attacker with write access to the database can do to the event store, and how a
 * checkpoint saved before finds it: six tamperings, each on its own treaty, made one after the
 * other from the end of the log backwards (so each is the first divergence when it is made), each
 * found by the export check at its leaf. Runs on H2 and PostgreSQL (a context of its own, since it
 * leaves the store tampered).
 */
@TestPropertySource(properties = "ledger.log.origin=tamper-test")
// closed after the class: it leaves the store tampered, which later test classes must not read
@DirtiesContext
class LogTamperTest extends LogTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private LogAppender appender;

    private static final ObjectMapper STORAGE = AxonConfiguration.storageObjectMapper();

    private long leafOf(String treaty, long sequence) {
        return jdbc.queryForObject(
                "SELECT leaf_index FROM log_leaf WHERE treaty_id = ? AND sequence_number = ?",
                Long.class,
                treaty,
                sequence);
    }

    private long globalIndex(String treaty, long sequence) {
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                treaty,
                sequence);
    }

    /** The export verified against the saved checkpoint: it must fail, at {@code leaf}, for {@code reason}. */
    private void assertFoundAt(Checkpoint saved, long leaf, String reason) throws Exception {
        String export = exportAsAuditor();
        LogVerifier.Report report =
                LogVerifier.export(Arrays.asList(export.split("\n")).iterator(), saved);
        assertThat(report.valid()).as(String.valueOf(report)).isFalse();
        assertThat(report.firstDivergentLeaf().leafIndex())
                .as(String.valueOf(report))
                .isEqualTo(leaf);
        assertThat(report.firstDivergentLeaf().reason())
                .as(String.valueOf(report))
                .isEqualTo(reason);
    }

    /** Recomputes every hash of a treaty's chain from its stored rows, as an attacker would. */
    private void recomputeChain(String treaty) throws Exception {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT global_index, sequence_number, payload_type, payload_revision, payload, meta_data"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                treaty);
        String head = RecordChain.GENESIS;
        for (Map<String, Object> row : rows) {
            String payloadType = (String) row.get("payload_type");
            JsonNode payload = STORAGE.readTree((byte[]) row.get("payload"));
            TreatyEvent event = (TreatyEvent) STORAGE.treeToValue(payload, Class.forName(payloadType));
            ObjectNode meta = (ObjectNode) STORAGE.readTree((byte[]) row.get("meta_data"));
            String hash = RecordChain.hash(new ChainLink(
                    RecordChain.typeOf(payloadType),
                    (String) row.get("payload_revision"),
                    treaty,
                    ((Number) row.get("sequence_number")).longValue(),
                    event.legalDate(),
                    meta.path("recordedAt").asText(),
                    meta.path("recordedBy").asText(),
                    payload,
                    head));
            meta.put("previousHash", head).put("hash", hash);
            jdbc.update(
                    "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                    STORAGE.writeValueAsBytes(meta),
                    row.get("global_index"));
            head = hash;
        }
        Reply chain = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify");
        assertThat(chain.body().path("firstBrokenRecord").isNull())
                .as("the per-treaty chain alone finds no broken record in the tampered history")
                .isTrue();
    }

    private void renumber(String treaty, long fromSequence, int by) {
        List<Long> sequences = jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ?"
                        + " ORDER BY sequence_number " + (by > 0 ? "DESC" : "ASC"),
                Long.class,
                treaty,
                fromSequence);
        for (long sequence : sequences) {
            jdbc.update(
                    "UPDATE domain_event_entry SET sequence_number = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                    sequence + by,
                    treaty,
                    sequence);
        }
    }

    @Test
    void everyTamperingOfTheEventStoreIsFoundAtItsLeafAgainstACheckpointKeptFromBefore() throws Exception {
        String a = treatyWithRecords();
        String b = treatyWithRecords();
        String c = treatyWithRecords();
        String d = treatyWithRecords();
        String e = treatyWithRecords();
        String f = treatyWithRecords();
        JsonNode kept = awaitCheckpointOfAllRecords();
        assertThat(LogVerifier.checkpoint(kept, key()).valid()).isTrue();
        Checkpoint saved = Checkpoint.parse(kept.path("note").asText());
        assertThat(LogVerifier.export(
                                Arrays.asList(exportAsAuditor().split("\n")).iterator(), saved)
                        .valid())
                .isTrue();
        assertThat(leafOf(f, 3)).isEqualTo(saved.size() - 1);

        // 1. the last record deleted: the treaty's chain is intact by itself (only the head its status
        // published is missing from it), and the log misses the record
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex(f, 3));
        JsonNode cut =
                as(Role.AUDITOR).get("/api/treaties/" + f + "/history/verify").body();
        assertThat(cut.path("firstBrokenRecord").isNull()).isTrue();
        assertThat(cut.path("publishedHead").path("found").asBoolean()).isFalse();
        assertFoundAt(saved, leafOf(f, 3), "MISSING_RECORD");

        // 2. a middle record deleted, the later ones renumbered and the chain recomputed
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = ?", globalIndex(e, 1));
        renumber(e, 2, -1);
        recomputeChain(e);
        assertFoundAt(saved, leafOf(e, 1), "MISSING_RECORD");

        // 3. a record inserted in the middle, the later ones renumbered and the chain recomputed
        Map<String, Object> model = jdbc.queryForMap(
                "SELECT type, time_stamp, payload_type, payload_revision, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 3",
                d);
        long displaced = leafOf(d, 2);
        renumber(d, 2, 1);
        String payload = new String((byte[]) model.get("payload"), StandardCharsets.UTF_8)
                .replace("\"DEU\"", "\"ITA\"")
                .replaceFirst("\"recordId\":\"[^\"]*\"", "\"recordId\":\"" + UUID.randomUUID() + "\"");
        jdbc.update(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,"
                        + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                        + " VALUES (?, ?, 2, ?, ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                d,
                model.get("type"),
                model.get("time_stamp"),
                model.get("payload_type"),
                model.get("payload_revision"),
                payload.getBytes(StandardCharsets.UTF_8),
                model.get("meta_data"));
        recomputeChain(d);
        assertFoundAt(saved, displaced, "SEQUENCE_GAP");

        // 4. a pair of records reordered (their places in the store swapped)
        long first = globalIndex(c, 1);
        long second = globalIndex(c, 2);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", -1L, first);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", first, second);
        jdbc.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", second, -1L);
        assertFoundAt(saved, leafOf(c, 1), "SEQUENCE_GAP");

        // 5. one byte of a stored payload changed
        byte[] bytes = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, globalIndex(b, 2));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\"FRA\"");
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                text.replace("\"FRA\"", "\"FRB\"").getBytes(StandardCharsets.UTF_8),
                globalIndex(b, 2));
        assertFoundAt(saved, leafOf(b, 2), "HASH_MISMATCH");

        // 6. a whole treaty's history rewritten (another recorder on every record) with valid chain hashes
        for (long sequence = 0; sequence < 4; sequence++) {
            long global = globalIndex(a, sequence);
            byte[] meta = jdbc.queryForObject(
                    "SELECT meta_data FROM domain_event_entry WHERE global_index = ?", byte[].class, global);
            ObjectNode rewritten = (ObjectNode) STORAGE.readTree(meta);
            rewritten.put("recordedBy", "someone-else");
            jdbc.update(
                    "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                    STORAGE.writeValueAsBytes(rewritten),
                    global);
        }
        recomputeChain(a);
        assertFoundAt(saved, leafOf(a, 0), "LOGGED_HASH_MISMATCH");

        // and the log rebuilt from the tampered store refuses to reach the signed checkpoints
        long firstRewritten = leafOf(a, 0);
        assertThat(post("/api/admin/rebuild/log", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> appender.divergence() != null);
        // it stops at the first signed checkpoint that covers treaty a's first record
        assertThat(appender.divergence().size()).isGreaterThan(firstRewritten).isLessThanOrEqualTo(saved.size());
    }
}
