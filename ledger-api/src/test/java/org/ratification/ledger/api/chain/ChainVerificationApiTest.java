package org.ratification.ledger.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.core.chain.RecordChain;
import org.springframework.test.context.TestPropertySource;

/**
 * The chain as stored: every record carries its recording metadata and hash, the status shows the
 * head, and altering one stored byte breaks verification at exactly that record. Plain SQL, so the
 * same test runs on H2 and PostgreSQL.
 */
// a context of its own: these tests alter the event store directly, which a shared context's
// verifiable log would (rightly) report as tampering when it is rebuilt
@TestPropertySource(properties = "ledger.log.origin=chain-tampering-test")
class ChainVerificationApiTest extends ApiTestSupport {

    private JsonNode metaData(String treaty, long sequence) throws Exception {
        byte[] bytes = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                byte[].class,
                treaty,
                sequence);
        return JSON.readTree(bytes);
    }

    private Map<String, Object> row(String treaty, long sequence) {
        return jdbc.queryForMap(
                "SELECT global_index, payload FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " AND sequence_number = ?",
                treaty,
                sequence);
    }

    private String treatyWithFourRecords() {
        String treaty = registerTreaty(40, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        assertThat(sign(treaty, "DEU", "2025-10-26").status()).isEqualTo(201);
        return treaty;
    }

    @Test
    void everyRecordCarriesItsRecorderTimeAndHashChainedToThePreviousRecord() throws Exception {
        String treaty = treatyWithFourRecords();

        JsonNode first = metaData(treaty, 0);
        JsonNode second = metaData(treaty, 1);
        assertThat(first.path("previousHash").asText()).isEqualTo(RecordChain.GENESIS);
        assertThat(second.path("previousHash").asText())
                .isEqualTo(first.path("hash").asText());
        assertThat(second.path("hash").asText()).matches("[0-9a-f]{64}");
        assertThat(second.path("recordedBy").asText()).isEqualTo("depositary");
        assertThat(second.path("recordedAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
    }

    @Test
    void theTreatyRegisteredAtStartIsRecordedBySystem() throws Exception {
        assertThat(metaData("cybercrime", 0).path("recordedBy").asText()).isEqualTo("system");
    }

    @Test
    void anUnalteredChainVerifiesAndItsHeadIsInTheStatus() throws Exception {
        String treaty = treatyWithFourRecords();

        Reply verification = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify");

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("valid").asBoolean()).isTrue();
        assertThat(verification.body().path("records").asLong()).isEqualTo(4);
        assertThat(verification.body().path("firstBrokenRecord").isNull()).isTrue();
        String head = verification.body().path("headHash").asText();
        assertThat(head).isEqualTo(metaData(treaty, 3).path("hash").asText());
        assertThat(get("/api/treaties/" + treaty).body().path("headHash").asText())
                .isEqualTo(head);
        assertThat(as(Role.ANONYMOUS).get("/api/treaties").body().findValues("headHash"))
                .extracting(JsonNode::asText)
                .contains(head);
    }

    @Test
    void oneAlteredByteInAStoredPayloadBreaksTheChainAtThatRecord() throws Exception {
        String treaty = treatyWithFourRecords();
        Map<String, Object> deposit = row(treaty, 2);
        String payload = new String((byte[]) deposit.get("payload"), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"participant\":\"FRA\"");
        byte[] altered = payload.replace("\"participant\":\"FRA\"", "\"participant\":\"FRB\"")
                .getBytes(StandardCharsets.UTF_8);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                altered,
                deposit.get("global_index"));

        Reply verification = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify");

        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("valid").asBoolean()).isFalse();
        assertThat(verification.body().path("records").asLong()).isEqualTo(4);
        JsonNode broken = verification.body().path("firstBrokenRecord");
        assertThat(broken.path("sequence").asLong()).isEqualTo(2);
        assertThat(broken.path("recordId").asText())
                .isEqualTo(JSON.readTree(payload).path("recordId").asText());
        assertThat(broken.path("reason").asText()).isEqualTo("HASH_MISMATCH");
        assertThat(verification.body().path("headHash").asText())
                .isEqualTo(metaData(treaty, 1).path("hash").asText());
    }

    @Test
    void anAlteredRecorderInTheMetadataBreaksTheChain() throws Exception {
        String treaty = treatyWithFourRecords();
        Map<String, Object> signature = row(treaty, 1);
        byte[] meta = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class,
                signature.get("global_index"));
        String text = new String(meta, StandardCharsets.UTF_8);
        assertThat(text).contains("\"recordedBy\":\"depositary\"");
        jdbc.update(
                "UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?",
                text.replace("\"recordedBy\":\"depositary\"", "\"recordedBy\":\"depositarz\"")
                        .getBytes(StandardCharsets.UTF_8),
                signature.get("global_index"));

        JsonNode broken = as(Role.AUDITOR)
                .get("/api/treaties/" + treaty + "/history/verify")
                .body()
                .path("firstBrokenRecord");

        assertThat(broken.path("sequence").asLong()).isEqualTo(1);
        assertThat(broken.path("reason").asText()).isEqualTo("HASH_MISMATCH");
    }

    @Test
    void aDeletedRecordBreaksTheChainAtTheRecordAfterIt() {
        String treaty = treatyWithFourRecords();
        jdbc.update(
                "DELETE FROM domain_event_entry WHERE global_index = ?",
                row(treaty, 1).get("global_index"));

        Reply verification = as(Role.AUDITOR).get("/api/treaties/" + treaty + "/history/verify");

        assertThat(verification.body().path("valid").asBoolean()).isFalse();
        assertThat(verification.body().path("records").asLong()).isEqualTo(3);
        assertThat(verification
                        .body()
                        .path("firstBrokenRecord")
                        .path("sequence")
                        .asLong())
                .isEqualTo(2);
        assertThat(verification.body().path("firstBrokenRecord").path("reason").asText())
                .isEqualTo("SEQUENCE_GAP");
    }

    @Test
    void verifyingAnUnknownTreatyIsNotFound() {
        Reply reply = as(Role.AUDITOR).get("/api/treaties/no-such-treaty/history/verify");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.code()).isEqualTo("TREATY_NOT_FOUND");
    }
}
