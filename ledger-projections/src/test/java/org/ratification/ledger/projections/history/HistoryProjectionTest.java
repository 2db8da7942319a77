package org.ratification.ledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.RecordType;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.projections.TestDatabase;

/** The history projection fed directly, over H2. */
class HistoryProjectionTest {

    private final HistoryRepository repository = new HistoryRepository(TestDatabase.create());
    private final HistoryProjection projection = new HistoryProjection(repository);
    private final HistoryQueries queries = new HistoryQueries(repository);

    private long sequence;

    @Test
    void correctionsAndRetractionsAreLinkedBothWaysAndAReplayWritesTheSameRows() {
        record(new TreatyRegisteredEvent("t", "r0", definition()), "2026-01-01T00:00:00Z");
        record(new ConventionSignedEvent("t", "r1", "FRA", LocalDate.of(2025, 10, 25), null), "2026-01-02T00:00:00Z");
        record(new ConventionSignedEvent("t", "r2", "DEU", LocalDate.of(2025, 10, 25), null), "2026-01-03T00:00:00Z");
        record(
                new RecordCorrectedEvent(
                        "t", "r3", "r1", "Signed a day later", "FRA", LocalDate.of(2025, 10, 26), null),
                "2026-01-04T00:00:00Z");
        record(
                new RecordRetractedEvent("t", "r4", "r1", "Wrong treaty", "FRA", LocalDate.of(2025, 10, 26)),
                "2026-01-05T00:00:00Z");
        record(
                new CommunicationReceivedEvent(
                        "t",
                        "r5",
                        "DEU",
                        CommunicationKind.NOTIFICATION,
                        LocalDate.of(2026, 1, 5),
                        "Central authority",
                        null),
                "2026-01-06T00:00:00Z");

        HistoryPage page = queries.page("t", HistoryFilter.none(), 0, 50);
        assertThat(page.total()).isEqualTo(6);
        HistoryRecord signature = page.records().get(1);
        assertThat(signature.correctedBy()).containsExactly("r3", "r4");
        assertThat(page.records().get(3).correctsRecordId()).isEqualTo("r1");
        assertThat(page.records().get(3).reason()).isEqualTo("Signed a day later");
        assertThat(page.records().get(4).type()).isEqualTo("RETRACTION");
        assertThat(page.records().get(5).payload().path("kind").asText()).isEqualTo("NOTIFICATION");
        assertThat(signature.metadata()).containsEntry("recordedBy", "clerk").containsEntry("hash", "abc");

        List<HistoryRecord> exported = new ArrayList<>();
        queries.export("t", exported::add);
        assertThat(exported).isEqualTo(page.records());

        projection.reset();
        assertThat(queries.page("t", HistoryFilter.none(), 0, 50).total()).isZero();
        sequence = 0;
        record(new TreatyRegisteredEvent("t", "r0", definition()), "2026-01-01T00:00:00Z");
        assertThat(queries.page("t", HistoryFilter.none(), 0, 50).records().get(0))
                .isEqualTo(page.records().get(0));
    }

    @Test
    void theFilterComparesRecordingInstantsToTheNanosecond() {
        record(new TreatyRegisteredEvent("t", "r0", definition()), "2026-01-01T00:00:00.000000001Z");
        record(
                new ConventionSignedEvent("t", "r1", "FRA", LocalDate.of(2025, 10, 25), null),
                "2026-01-01T00:00:00.000000002Z");
        Instant between = Instant.parse("2026-01-01T00:00:00.000000002Z");
        assertThat(queries.page("t", new HistoryFilter(null, between, null), 0, 10)
                        .records())
                .extracting(HistoryRecord::recordId)
                .containsExactly("r1");
        assertThat(queries.page("t", new HistoryFilter(null, null, between.minusNanos(1)), 0, 10)
                        .records())
                .extracting(HistoryRecord::recordId)
                .containsExactly("r0");
        assertThat(queries.page("t", new HistoryFilter("FRA", null, null), 0, 10)
                        .total())
                .isEqualTo(1);
    }

    @Test
    void twoEventsThatCarriedTheSameRecordIdKeepARowEach() {
        record(new TreatyRegisteredEvent("t", "r0", definition()), "2026-01-01T00:00:00Z");
        record(new ConventionSignedEvent("t", "same", "FRA", LocalDate.of(2025, 10, 25), null), "2026-01-02T00:00:00Z");
        record(new ConventionSignedEvent("t", "same", "DEU", LocalDate.of(2025, 10, 26), null), "2026-01-03T00:00:00Z");
        assertThat(queries.page("t", HistoryFilter.none(), 0, 10).records())
                .extracting(HistoryRecord::participant)
                .containsExactly(null, "FRA", "DEU");
    }

    @Test
    void anEventTypeTheHistoryDoesNotKnowIsNamedAfterItsClass() {
        record ChainSealedEvent() {}
        record Something() {}
        assertThat(RecordType.nameOf(ChainSealedEvent.class)).isEqualTo("CHAIN_SEALED");
        assertThat(RecordType.nameOf(Something.class)).isEqualTo("SOMETHING");
    }

    private void record(TreatyEvent event, String recordedAt) {
        var message = GenericEventMessage.asEventMessage(event)
                .andMetaData(Map.of("recordedAt", recordedAt, "recordedBy", "clerk", "hash", "abc"));
        projection.record(event, message, sequence, 100 + sequence, Instant.parse(recordedAt), recordedAt, "clerk");
        sequence++;
    }

    private static TreatyDefinition definition() {
        return new TreatyDefinition(
                "t",
                "X-1",
                "Test treaty",
                LocalDate.of(2024, 12, 24),
                new SignatureClause(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
                new EntryIntoForceClause(2, 90, 30, false),
                new DenunciationClause(12));
    }
}
