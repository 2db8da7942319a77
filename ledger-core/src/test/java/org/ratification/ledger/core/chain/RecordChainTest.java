package org.ratification.ledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/** The canonical form and hash of a record, with the published test vector of docs/CHAIN.md. */
class RecordChainTest {

    static final String PREVIOUS = "ab".repeat(32);

    static final InstrumentDepositedEvent DEPOSIT = new InstrumentDepositedEvent(
            "cybercrime",
            "rec-3",
            "FRA",
            InstrumentType.RATIFICATION,
            LocalDate.of(2026, 1, 10),
            List.of("Déclaration \"art. 63\"\n"),
            List.of());

    /** The vector of docs/CHAIN.md; its hash was computed independently (Python hashlib). */
    static final String CANONICAL = "{\"legalDate\":\"2026-01-10\",\"payload\":{\"declarations\":"
            + "[\"Déclaration \\\"art. 63\\\"\\n\"],\"depositedOn\":\"2026-01-10\",\"participant\":\"FRA\","
            + "\"recordId\":\"rec-3\",\"reservations\":[],\"treatyId\":\"cybercrime\",\"type\":\"RATIFICATION\"},"
            + "\"previousHash\":\"" + PREVIOUS + "\",\"recordedAt\":\"2026-01-12T09:30:00Z\","
            + "\"recordedBy\":\"depositary\",\"revision\":\"1\",\"sequence\":3,\"treaty\":\"cybercrime\","
            + "\"type\":\"InstrumentDepositedEvent\"}";

    static final String HASH = "848db0ce302dc930c130b8fb9de7e7b84c85acc23aa7645e5b444c3f8b7e1b71";

    @Test
    void theTestVectorHasItsPublishedCanonicalFormAndHash() {
        ChainLink link = RecordChain.link(DEPOSIT, 3, "2026-01-12T09:30:00Z", "depositary", PREVIOUS);

        assertThat(RecordChain.canonicalForm(link)).isEqualTo(CANONICAL);
        assertThat(RecordChain.hash(link)).isEqualTo(HASH);
    }

    @Test
    void aRegistrationWithoutPayloadHashesAsPublished() {
        ChainLink link = new ChainLink(
                "TreatyRegisteredEvent",
                "1",
                "cybercrime",
                0,
                LocalDate.of(2024, 12, 24),
                "2025-01-01T00:00:00Z",
                "system",
                null,
                RecordChain.GENESIS);

        assertThat(RecordChain.hash(link))
                .isEqualTo("a86594d7ad45eef9ed7d272ed9ee2ddb0ebf336cbe20d45a7a7f6a5d4957571e");
    }

    @Test
    void theHashDoesNotDependOnHowTheStorageMapperWritesThePayload() throws Exception {
        ObjectMapper other = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        JsonNode storedTree = other.readTree(other.writeValueAsString(DEPOSIT));
        ChainLink fromStorage = new ChainLink(
                "InstrumentDepositedEvent",
                "1",
                "cybercrime",
                3,
                LocalDate.of(2026, 1, 10),
                "2026-01-12T09:30:00Z",
                "depositary",
                storedTree,
                PREVIOUS);

        assertThat(RecordChain.hash(fromStorage)).isEqualTo(HASH);
    }

    @Test
    void aRegistrationWithoutFrenchTitlesHashesAsOneStoredBeforeTheyExisted() {
        TreatyRegisteredEvent registered = new TreatyRegisteredEvent(
                "cybercrime",
                "rec-0",
                new TreatyDefinition(
                        "cybercrime",
                        "XVIII-16",
                        "United Nations Convention against Cybercrime",
                        LocalDate.of(2024, 12, 24),
                        new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
                        new EntryIntoForceClause(40, 90, 30, false),
                        new DenunciationClause(12)));
        ChainLink now = RecordChain.link(registered, 0, "2025-01-01T00:00:00Z", "system", RecordChain.GENESIS);
        ObjectNode before = (ObjectNode) RecordChain.payloadTree(registered).deepCopy();
        ObjectNode definition = (ObjectNode) before.get("definition");
        assertThat(definition.has("titleFr")).isTrue();
        definition.remove(List.of("titleFr", "shortTitleFr"));
        ChainLink stored = new ChainLink(
                "TreatyRegisteredEvent",
                "1",
                "cybercrime",
                0,
                LocalDate.of(2024, 12, 24),
                "2025-01-01T00:00:00Z",
                "system",
                before,
                RecordChain.GENESIS);

        assertThat(RecordChain.hash(now)).isEqualTo(RecordChain.hash(stored));
    }

    @Test
    void thePayloadTreeHoldsTheEventFieldsOnlyWithNullsIncluded() {
        JsonNode tree = RecordChain.payloadTree(new InstrumentDepositedEvent(
                "t", "r", "FRA", InstrumentType.ACCESSION, LocalDate.of(2026, 1, 10), null, null));

        assertThat(tree.has("legalDate")).isFalse();
        assertThat(tree.get("declarations").isNull()).isTrue();
        assertThat(tree.get("type").asText()).isEqualTo("ACCESSION");
        assertThat(tree.get("depositedOn").asText()).isEqualTo("2026-01-10");
    }

    @Test
    void everyCoveredFieldChangesTheHash() {
        ChainLink base = RecordChain.link(DEPOSIT, 3, "2026-01-12T09:30:00Z", "depositary", PREVIOUS);
        List<ChainLink> variants = List.of(
                new ChainLink(
                        "X",
                        "1",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "2",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "other",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        4,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        3,
                        LocalDate.of(2026, 1, 11),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        "2026-01-12T09:30:01Z",
                        "depositary",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "auditor",
                        base.payload(),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        RecordChain.payloadTree(new InstrumentDepositedEvent(
                                "cybercrime",
                                "rec-3",
                                "FRB",
                                InstrumentType.RATIFICATION,
                                LocalDate.of(2026, 1, 10),
                                DEPOSIT.declarations(),
                                List.of())),
                        PREVIOUS),
                new ChainLink(
                        base.type(),
                        "1",
                        "cybercrime",
                        3,
                        base.legalDate(),
                        base.recordedAt(),
                        "depositary",
                        base.payload(),
                        RecordChain.GENESIS));

        assertThat(variants).extracting(RecordChain::hash).doesNotContain(HASH).doesNotHaveDuplicates();
    }

    @Test
    void canonicalJsonSortsKeysByCodeUnitAndEscapesOnlyWhatJsonRequires() throws Exception {
        JsonNode node = new ObjectMapper()
                .readTree("{ \"b\": [1, -20, 3000000000000], \"B\": \"\\u0001\\u001f\\u007f/é😀\\ud800\","
                        + " \"a\": {\"z\": true, \"y\": null}, \"\": false }");

        assertThat(CanonicalJson.write(node))
                .isEqualTo("{\"\":false,\"B\":\"\\u0001\\u001f\u007f/é😀\\ud800\",\"a\":{\"z\":true},"
                        + "\"b\":[1,-20,3000000000000]}");
    }

    @Test
    void canonicalJsonRefusesNumbersThatAreNotIntegers() throws Exception {
        JsonNode node = new ObjectMapper().readTree("{\"x\": 1.5}");

        assertThatThrownBy(() -> CanonicalJson.write(node)).isInstanceOf(IllegalArgumentException.class);
    }
}
