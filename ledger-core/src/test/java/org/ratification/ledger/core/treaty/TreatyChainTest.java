package org.ratification.ledger.core.treaty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DepositInstrumentCommand;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordingMetadata;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.SignConventionCommand;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.chain.ChainLink;
import org.ratification.ledger.core.chain.ChainVerifier;
import org.ratification.ledger.core.chain.RecordChain;

/** The aggregate chains every record it decides to the treaty's previous record. */
class TreatyChainTest {

    private static final TreatyDefinition DEFINITION = new TreatyDefinition(
            "cybercrime",
            "XVIII-16",
            "Convention against Cybercrime",
            LocalDate.of(2024, 12, 24),
            new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    private AggregateTestFixture<Treaty> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Treaty.class);
        fixture.registerInjectableResource(NO_OTHER_TREATIES);
    }

    private static final org.ratification.ledger.core.rules.TreatyLookup NO_OTHER_TREATIES =
            treatyId -> java.util.Optional.empty();

    private static Map<String, Object> recording(String at, String by) {
        return Map.of(RecordingMetadata.RECORDED_AT, at, RecordingMetadata.RECORDED_BY, by);
    }

    private List<DomainEventMessage<?>> stream() {
        return fixture.getEventStore()
                .readEvents("cybercrime")
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    @Test
    void theFirstRecordChainsToGenesisWithTheRecordingMetadataItCovers() {
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterTreatyCommand("cybercrime", "reg", DEFINITION),
                        recording("2025-01-01T00:00:00Z", "system"));

        DomainEventMessage<?> registered = stream().get(0);
        var meta = registered.getMetaData();
        assertThat(meta.get(RecordingMetadata.PREVIOUS_HASH)).isEqualTo(RecordChain.GENESIS);
        assertThat(meta.get(RecordingMetadata.RECORDED_AT)).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(meta.get(RecordingMetadata.RECORDED_BY)).isEqualTo("system");
        assertThat(meta.get(RecordingMetadata.HASH))
                .isEqualTo(RecordChain.hash(RecordChain.link(
                        (TreatyEvent) registered.getPayload(),
                        0,
                        "2025-01-01T00:00:00Z",
                        "system",
                        RecordChain.GENESIS)));
    }

    @Test
    void eachNextRecordChainsToTheHashOfTheRecordBefore() {
        fixture.givenNoPriorActivity()
                .when(
                        new RegisterTreatyCommand("cybercrime", "reg", DEFINITION),
                        recording("2025-01-01T00:00:00Z", "system"));
        var registered = stream();
        var signed = recordAfter(
                registered,
                new SignConventionCommand("cybercrime", "sig", "FRA", LocalDate.of(2025, 10, 25), "Hanoi"),
                recording("2025-10-26T09:00:00Z", "depositary"));
        var deposited = recordAfter(
                signed,
                new DepositInstrumentCommand(
                        "cybercrime",
                        "dep",
                        "FRA",
                        InstrumentType.RATIFICATION,
                        LocalDate.of(2026, 1, 10),
                        List.of(),
                        List.of()),
                recording("2026-01-12T09:30:00Z", "alice"));

        assertThat(deposited).hasSize(3);
        assertThat(deposited.get(2).getSequenceNumber()).isEqualTo(2);
        assertThat(deposited.get(2).getMetaData().get(RecordingMetadata.PREVIOUS_HASH))
                .isEqualTo(deposited.get(1).getMetaData().get(RecordingMetadata.HASH));
        assertThat(deposited.get(2).getMetaData().get(RecordingMetadata.RECORDED_BY))
                .isEqualTo("alice");
        var verdict = verify(deposited);
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.headHash()).isEqualTo(deposited.get(2).getMetaData().get(RecordingMetadata.HASH));
    }

    /** Replays {@code given} (metadata included) into a fresh aggregate and records one more command. */
    private static List<DomainEventMessage<?>> recordAfter(
            List<DomainEventMessage<?>> given, Object command, Map<String, Object> metaData) {
        AggregateTestFixture<Treaty> next = new AggregateTestFixture<>(Treaty.class);
        next.registerInjectableResource(NO_OTHER_TREATIES);
        next.given(given).when(command, metaData).expectSuccessfulHandlerExecution();
        return next.getEventStore()
                .readEvents("cybercrime")
                .asStream()
                .<DomainEventMessage<?>>map(e -> e)
                .toList();
    }

    private static ChainVerifier.Verdict verify(List<DomainEventMessage<?>> events) {
        return ChainVerifier.verify(events.stream()
                .map(e -> {
                    var meta = e.getMetaData();
                    TreatyEvent event = (TreatyEvent) e.getPayload();
                    ChainLink link = RecordChain.link(
                            event,
                            e.getSequenceNumber(),
                            (String) meta.get(RecordingMetadata.RECORDED_AT),
                            (String) meta.get(RecordingMetadata.RECORDED_BY),
                            null);
                    return new ChainVerifier.StoredRecord(
                            e.getSequenceNumber(),
                            event.recordId(),
                            link,
                            (String) meta.get(RecordingMetadata.HASH),
                            (String) meta.get(RecordingMetadata.PREVIOUS_HASH),
                            null);
                })
                .toList());
    }
}
