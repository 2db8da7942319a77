package org.ratification.ledger.projections.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;
import org.ratification.ledger.projections.TestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/** The notifications projection fed directly, over H2: numbering, replays and entry into force. */
class NotificationProjectionTest {

    private static final TreatyDefinition TREATY = new TreatyDefinition(
            "cybercrime",
            "XVIII-16",
            "United Nations Convention against Cybercrime",
            LocalDate.of(2024, 12, 24),
            new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
            new EntryIntoForceClause(2, 90, 30, false),
            new DenunciationClause(12));

    private final DataSource dataSource = TestDatabase.create();
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    private final NotificationRepository repository = new NotificationRepository(dataSource);
    private final NotificationProjection projection = new NotificationProjection(repository);

    /** The stream: registration, signatures and deposits recorded in 2025 and 2026, a correction, a retraction. */
    private final List<Consumer<NotificationProjection>> stream = List.of(
            p -> p.on(new TreatyRegisteredEvent("cybercrime", "r0", TREATY)),
            p -> p.on(sign("r1", "FRA"), 1, token(1), null, "2025-12-30T10:00:00Z", "hash-" + "2025-12-30T10:00:00Z"),
            p -> p.on(
                    sign("r2", "DEU"),
                    2,
                    token(2),
                    null,
                    "2025-12-31T23:59:59.999Z",
                    "hash-" + "2025-12-31T23:59:59.999Z"),
            p -> p.on(
                    deposit("r3", "FRA", "2026-01-10"),
                    3,
                    token(3),
                    null,
                    "2026-01-01T00:00:00Z",
                    "hash-" + "2026-01-01T00:00:00Z"),
            p -> p.on(
                    deposit("r4", "DEU", "2026-02-01"),
                    4,
                    token(4),
                    null,
                    "2026-02-02T09:00:00Z",
                    "hash-" + "2026-02-02T09:00:00Z"),
            p -> p.on(
                    new RecordCorrectedEvent(
                            "cybercrime",
                            "r5",
                            "r4",
                            "Deposited on 20 January",
                            "DEU",
                            LocalDate.of(2026, 1, 20),
                            InstrumentType.RATIFICATION),
                    5,
                    token(5),
                    null,
                    "2026-02-03T09:00:00Z",
                    "hash-" + "2026-02-03T09:00:00Z"),
            p -> p.on(sign("r6", "VNM"), 6, token(6), null, "2026-02-04T09:00:00Z", "hash-" + "2026-02-04T09:00:00Z"),
            p -> p.on(
                    new RecordRetractedEvent(
                            "cybercrime", "r7", "r6", "Wrong treaty", "VNM", LocalDate.of(2025, 10, 25)),
                    7,
                    token(7),
                    null,
                    "2026-02-05T09:00:00Z",
                    "hash-" + "2026-02-05T09:00:00Z"));

    @Test
    void numbersRunPerYearOfRecordingAndTheReferenceNamesTheTreaty() {
        replay();
        assertThat(repository.notifications("cybercrime"))
                .extracting(NotificationView::reference)
                .containsExactly(
                        "C.N.1.2025.TREATIES-XVIII.16",
                        "C.N.2.2025.TREATIES-XVIII.16",
                        "C.N.1.2026.TREATIES-XVIII.16",
                        "C.N.2.2026.TREATIES-XVIII.16",
                        "C.N.3.2026.TREATIES-XVIII.16",
                        "C.N.4.2026.TREATIES-XVIII.16",
                        "C.N.5.2026.TREATIES-XVIII.16");
    }

    @Test
    void everyNotificationCarriesTheHashOfTheRecordItAnnounces() {
        replay();
        List<NotificationView> notes = repository.notifications("cybercrime");
        assertThat(notes).isNotEmpty();
        assertThat(notes.get(0).headHash()).isEqualTo("hash-2025-12-30T10:00:00Z");
        assertThat(notes).allSatisfy(n -> assertThat(n.headHash()).isEqualTo("hash-" + n.recordedAt()));
    }

    @Test
    void theEntryIntoForceAnnouncedFollowsTheRecordsAsCorrected() {
        replay();
        List<NotificationView> notes = repository.notifications("cybercrime");
        assertThat(notes.get(2).entryIntoForceOn()).isNull();
        assertThat(notes.get(3).entryIntoForceOn()).isEqualTo(LocalDate.of(2026, 5, 2));
        NotificationView correction = notes.get(4);
        assertThat(correction.action()).isEqualTo("CORRECTION");
        assertThat(correction.refersToReference()).isEqualTo(notes.get(3).reference());
        assertThat(correction.entryIntoForceOn()).isEqualTo(LocalDate.of(2026, 4, 20));
        assertThat(notes.get(6).text())
                .contains("depositary notification " + notes.get(5).reference());
    }

    @Test
    void aReplayGivesEveryRecordTheSameNumberAndANewRecordTheNextOne() {
        replay();
        List<Map<String, Object>> first = rows();

        projection.reset();
        assertThat(repository.notifications("cybercrime")).isEmpty();
        replay();
        assertThat(rows()).isEqualTo(first);

        // an event delivered twice keeps its number
        stream.get(3).accept(projection);
        assertThat(rows()).isEqualTo(first);

        // without the journal, a replay in the same order derives the same numbers
        projection.reset();
        jdbc.update("DELETE FROM notification_number");
        replay();
        assertThat(rows()).isEqualTo(first);

        projection.on(sign("r8", "ITA"), 8, token(8), null, "2026-03-01T00:00:00Z", "hash-" + "2026-03-01T00:00:00Z");
        assertThat(repository.notifications("cybercrime").get(7).reference()).isEqualTo("C.N.6.2026.TREATIES-XVIII.16");
    }

    @Test
    void aNumberOnceIssuedIsNeverGivenToAnotherRecordEvenIfItsNotificationIsGone() {
        replay();
        jdbc.update("DELETE FROM notification WHERE record_id = 'r6'");
        projection.on(sign("r8", "ITA"), 8, token(8), null, "2026-03-01T00:00:00Z", "hash-" + "2026-03-01T00:00:00Z");
        List<String> references = new ArrayList<>();
        repository.notifications("cybercrime").forEach(n -> references.add(n.reference()));
        assertThat(references).doesNotHaveDuplicates().contains("C.N.6.2026.TREATIES-XVIII.16");
        assertThat(jdbc.queryForObject(
                        "SELECT cn_number FROM notification_number WHERE record_id = 'r6'", Integer.class))
                .isEqualTo(4);
    }

    private void replay() {
        stream.forEach(event -> event.accept(projection));
    }

    private List<Map<String, Object>> rows() {
        return jdbc.queryForList("SELECT * FROM notification ORDER BY record_id");
    }

    private static GlobalSequenceTrackingToken token(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static ConventionSignedEvent sign(String recordId, String participant) {
        return new ConventionSignedEvent("cybercrime", recordId, participant, LocalDate.of(2025, 10, 25), "Hanoi");
    }

    private static InstrumentDepositedEvent deposit(String recordId, String participant, String date) {
        return new InstrumentDepositedEvent(
                "cybercrime",
                recordId,
                participant,
                InstrumentType.RATIFICATION,
                LocalDate.parse(date),
                List.of(),
                List.of());
    }
}
