package org.ratification.ledger.projections.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.ParticipantStatus;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.projections.RecordSignals;

/** The status read model without Spring: feed it events, query it. */
class StatusProjectionTest {

    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "t",
            "T-1",
            "Test treaty",
            LocalDate.of(2024, 12, 24),
            new SignatureClause(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31)),
            new EntryIntoForceClause(2, 90, 30, false),
            new DenunciationClause(12));

    private StatusProjection projection;
    private StatusQueries queries;
    private long sequence;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        StatusRepository repository = new StatusRepository(dataSource);
        projection = new StatusProjection(repository, new RecordSignals());
        queries = new StatusQueries(repository);
        projection.on(new TreatyRegisteredEvent("t", "r0", TREATY));
    }

    private void signAndRatify(String participant, String signedOn, String depositedOn) {
        projection.on(
                new ConventionSignedEvent("t", participant + "-s", participant, LocalDate.parse(signedOn), null),
                ++sequence);
        projection.on(
                new InstrumentDepositedEvent(
                        "t",
                        participant + "-i",
                        participant,
                        InstrumentType.RATIFICATION,
                        LocalDate.parse(depositedOn),
                        List.of(),
                        List.of()),
                ++sequence);
    }

    @Test
    void theStatusFollowsTheEvents() {
        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        signAndRatify("DEU", "2025-10-25", "2026-01-10");

        var status = queries.status("t", LocalDate.of(2026, 11, 1)).orElseThrow();
        assertThat(status.treaty().entryIntoForceOn()).isEqualTo("2026-04-10");
        assertThat(status.treaty().parties()).isEqualTo(2);
        assertThat(status.participant("FRA").orElseThrow().status()).isEqualTo(ParticipantStatus.PARTY);
    }

    @Test
    void replayingAnEventChangesNothing() {
        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        var first = queries.status("t", LocalDate.of(2026, 11, 1)).orElseThrow();
        projection.on(new ConventionSignedEvent("t", "FRA-s", "FRA", LocalDate.parse("2025-10-25"), null), 1);
        projection.on(new TreatyRegisteredEvent("t", "r0", TREATY));
        assertThat(queries.status("t", LocalDate.of(2026, 11, 1)).orElseThrow()).isEqualTo(first);
    }

    @Test
    void aCorrectionMovesTheDatesAndARetractionRemovesTheAction() {
        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        signAndRatify("DEU", "2025-10-25", "2026-01-10");
        projection.on(new RecordCorrectedEvent(
                "t", "c1", "DEU-i", "wrong date", "DEU", LocalDate.of(2026, 2, 1), InstrumentType.RATIFICATION));
        assertThat(queries.status("t", LocalDate.of(2026, 11, 1))
                        .orElseThrow()
                        .treaty()
                        .entryIntoForceOn())
                .isEqualTo("2026-05-02");

        projection.on(new RecordRetractedEvent("t", "c2", "DEU-i", "made in error", "DEU", LocalDate.of(2026, 2, 1)));
        var status = queries.status("t", LocalDate.of(2026, 11, 1)).orElseThrow();
        assertThat(status.treaty().entryIntoForceOn()).isNull();
        assertThat(status.participant("DEU").orElseThrow().status()).isEqualTo(ParticipantStatus.SIGNATORY);
    }

    @Test
    void anUnknownTreatyHasNoStatus() {
        assertThat(queries.status("nope", LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
