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
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

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
    private ChainHeadProjection chain;
    private StatusRepository repository;
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
        repository = new StatusRepository(dataSource);
        projection = new StatusProjection(repository);
        chain = new ChainHeadProjection(new ChainHeads(dataSource));
        queries = new StatusQueries(repository, 100_000);
        record(new TreatyRegisteredEvent("t", "r0", TREATY));
    }

    /** As the status processing group does: the status rows and the chain head, for each event. */
    private void record(TreatyEvent event) {
        long position = event instanceof TreatyRegisteredEvent ? 0 : ++sequence;
        if (event instanceof TreatyRegisteredEvent registered) {
            projection.on(registered);
        } else if (event instanceof ConventionSignedEvent signed) {
            projection.on(signed, position);
        } else if (event instanceof InstrumentDepositedEvent deposited) {
            projection.on(deposited, position);
        } else if (event instanceof RecordCorrectedEvent corrected) {
            projection.on(corrected);
        } else if (event instanceof RecordRetractedEvent retracted) {
            projection.on(retracted);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
        chain.on(event, position, "hash-" + event.treatyId() + "-" + position);
    }

    private void signAndRatify(String participant, String signedOn, String depositedOn) {
        record(new ConventionSignedEvent("t", participant + "-s", participant, LocalDate.parse(signedOn), null));
        record(new InstrumentDepositedEvent(
                "t",
                participant + "-i",
                participant,
                InstrumentType.RATIFICATION,
                LocalDate.parse(depositedOn),
                List.of(),
                List.of()));
    }

    @Test
    void theLineCarriesTheChainHeadOfItsVersionAndIsTheSameObjectUntilARecord() {
        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        LocalDate day = LocalDate.of(2026, 11, 1);

        var line = queries.line("t", day).orElseThrow();
        assertThat(line.headHash()).isEqualTo("hash-t-2");
        assertThat(line.signatories()).isEqualTo(1);
        assertThat(queries.line("t", day).orElseThrow()).isSameAs(line);
        assertThat(queries.lines(day)).singleElement().isSameAs(line);

        signAndRatify("DEU", "2025-10-25", "2026-01-10");
        var next = queries.line("t", day).orElseThrow();
        assertThat(next).isNotSameAs(line);
        assertThat(next.headHash()).isEqualTo("hash-t-4");
        assertThat(next.parties()).isEqualTo(2);
        assertThat(queries.line("nothing", day)).isEmpty();
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
        record(new RecordCorrectedEvent(
                "t", "c1", "DEU-i", "wrong date", "DEU", LocalDate.of(2026, 2, 1), InstrumentType.RATIFICATION));
        assertThat(queries.status("t", LocalDate.of(2026, 11, 1))
                        .orElseThrow()
                        .treaty()
                        .entryIntoForceOn())
                .isEqualTo("2026-05-02");

        record(new RecordRetractedEvent("t", "c2", "DEU-i", "made in error", "DEU", LocalDate.of(2026, 2, 1)));
        var status = queries.status("t", LocalDate.of(2026, 11, 1)).orElseThrow();
        assertThat(status.treaty().entryIntoForceOn()).isNull();
        assertThat(status.participant("DEU").orElseThrow().status()).isEqualTo(ParticipantStatus.SIGNATORY);
    }

    @Test
    void aStatusIsComputedOnceUntilTheTreatyMovesOn() {
        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        LocalDate day = LocalDate.of(2026, 11, 1);
        var first = queries.status("t", day).orElseThrow();
        assertThat(queries.status("t", day).orElseThrow()).as("kept").isSameAs(first);
        assertThat(queries.status("t", day.plusDays(1)).orElseThrow()).isNotSameAs(first);

        signAndRatify("DEU", "2025-10-25", "2026-01-10");
        var second = queries.status("t", day).orElseThrow();
        assertThat(second).isNotSameAs(first);
        assertThat(second.treaty().parties()).isEqualTo(2);
        assertThat(second.treaty().entryIntoForceOn()).isEqualTo("2026-04-10");
        assertThat(queries.treaties(day)).containsExactly(second.treaty());
    }

    @Test
    void aTreatyWithoutChainHeadIsReadFromTheRowsEveryTime() {
        projection.on(new TreatyRegisteredEvent("u", "u0", withId(TREATY, "u")));
        projection.on(new ConventionSignedEvent("u", "u1", "FRA", LocalDate.of(2025, 10, 25), null), 1);
        var first = queries.status("u", LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(first.treaty().signatories()).isEqualTo(1);
        projection.on(new ConventionSignedEvent("u", "u2", "DEU", LocalDate.of(2025, 10, 25), null), 2);
        assertThat(queries.status("u", LocalDate.of(2026, 1, 1))
                        .orElseThrow()
                        .treaty()
                        .signatories())
                .isEqualTo(2);
        assertThat(queries.cachedTreaties()).isZero();
    }

    @Test
    void treatiesBeyondTheBoundAreDroppedAndReadAgainFromTheRows() {
        StatusQueries small = new StatusQueries(repository, 8);
        signAndRatify("FRA", "2025-10-25", "2025-11-01"); // t: 2 actions + 1, and 1 participant once read
        record(new TreatyRegisteredEvent("u", "u0", withId(TREATY, "u")));
        record(new ConventionSignedEvent("u", "u1", "FRA", LocalDate.of(2025, 10, 25), null)); // u: 1 + 1, and 1
        LocalDate day = LocalDate.of(2026, 1, 1);
        var t = small.status("t", day).orElseThrow();
        small.status("u", day);
        assertThat(small.cachedTreaties()).isEqualTo(2);
        record(new TreatyRegisteredEvent("v", "v0", withId(TREATY, "v")));
        record(new ConventionSignedEvent("v", "v1", "FRA", LocalDate.of(2025, 10, 25), null));
        record(new ConventionSignedEvent("v", "v2", "DEU", LocalDate.of(2025, 10, 25), null)); // v: 2 + 1, and 2
        small.status("v", day);
        assertThat(small.cachedTreaties())
                .as("one treaty made room for v (Caffeine chose t, read once)")
                .isEqualTo(2);
        assertThat(small.status("t", day).orElseThrow()).isNotSameAs(t).isEqualTo(t);
    }

    @Test
    void theRowsKeptNeverExceedTheBound() {
        StatusQueries small = new StatusQueries(repository, 8);
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 20; i++) {
            String id = "b" + i;
            record(new TreatyRegisteredEvent(id, id + "-0", withId(TREATY, id)));
            record(new ConventionSignedEvent(id, id + "-1", "FRA", LocalDate.of(2025, 10, 25), null)); // 2 + 1, and 1
            assertThat(small.status(id, day).orElseThrow().treaty().signatories())
                    .isEqualTo(1);
            assertThat(small.cachedRows()).isLessThanOrEqualTo(8);
            assertThat(small.cachedTreaties()).isBetween(1, 2);
        }
        // a treaty dropped from memory is read again from the rows
        assertThat(small.status("b0", day).orElseThrow().treaty().signatories()).isEqualTo(1);
    }

    @Test
    void aProtocolFollowsItsParentsNewRecords() {
        TreatyDefinition protocol = new TreatyDefinition(
                "p",
                "P-1",
                "Protocol",
                TREATY.adoptedOn(),
                TREATY.signature(),
                new EntryIntoForceClause(1, 90, 30, false),
                TREATY.denunciation(),
                "t",
                null,
                null);
        record(new TreatyRegisteredEvent("p", "p0", protocol));
        record(new ConventionSignedEvent("p", "p1", "FRA", LocalDate.of(2025, 10, 25), null));
        record(new InstrumentDepositedEvent(
                "p", "p2", "FRA", InstrumentType.RATIFICATION, LocalDate.of(2025, 11, 1), List.of(), List.of()));
        LocalDate day = LocalDate.of(2026, 11, 1);
        assertThat(queries.status("p", day).orElseThrow().treaty().entryIntoForceOn())
                .as("not before the parent, which is not in force")
                .isNull();

        signAndRatify("FRA", "2025-10-25", "2025-11-01");
        signAndRatify("DEU", "2025-10-25", "2026-01-10");
        assertThat(queries.status("p", day).orElseThrow().treaty().entryIntoForceOn())
                .as("the parent's new records move the protocol")
                .isEqualTo("2026-04-10");
    }

    private static TreatyDefinition withId(TreatyDefinition d, String id) {
        return new TreatyDefinition(
                id, d.reference() + id, d.title(), d.adoptedOn(), d.signature(), d.entryIntoForce(), d.denunciation());
    }

    @Test
    void anUnknownTreatyHasNoStatus() {
        assertThat(queries.status("nope", LocalDate.of(2026, 1, 1))).isEmpty();
    }
}
