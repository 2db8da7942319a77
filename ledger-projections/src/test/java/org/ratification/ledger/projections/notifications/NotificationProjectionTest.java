package org.ratification.ledger.projections.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
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

    /** The stream's events as messages, for the look-ahead of a batch. */
    private final List<EventMessage<?>> messages = List.of(
            GenericEventMessage.asEventMessage(new TreatyRegisteredEvent("cybercrime", "r0", TREATY)),
            GenericEventMessage.asEventMessage(sign("r1", "FRA")),
            GenericEventMessage.asEventMessage(sign("r2", "DEU")),
            GenericEventMessage.asEventMessage(deposit("r3", "FRA", "2026-01-10")),
            GenericEventMessage.asEventMessage(deposit("r4", "DEU", "2026-02-01")),
            GenericEventMessage.asEventMessage(new RecordCorrectedEvent(
                    "cybercrime",
                    "r5",
                    "r4",
                    "Deposited on 20 January",
                    "DEU",
                    LocalDate.of(2026, 1, 20),
                    InstrumentType.RATIFICATION)),
            GenericEventMessage.asEventMessage(sign("r6", "VNM")),
            GenericEventMessage.asEventMessage(new RecordRetractedEvent(
                    "cybercrime", "r7", "r6", "Wrong treaty", "VNM", LocalDate.of(2025, 10, 25))));

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

    @Test
    void eventsHandledInBatchesWriteWhatTheyWriteOneByOne() {
        replay();
        Map<String, List<Map<String, Object>>> oneByOne = tables(jdbc);

        for (int size : new int[] {1, 2, 3, stream.size()}) {
            DataSource other = TestDatabase.create();
            NotificationProjection batched = new NotificationProjection(new NotificationRepository(other));
            replayInBatches(batched, size);
            assertThat(tables(new JdbcTemplate(other)))
                    .as("batches of %d", size)
                    .isEqualTo(oneByOne);

            // delivered again in one batch (a retry after a failed commit): nothing changes
            replayInBatches(batched, stream.size());
            assertThat(tables(new JdbcTemplate(other)))
                    .as("again, batches of %d", size)
                    .isEqualTo(oneByOne);

            // rebuilt in one batch: the same numbers from the journal
            batched.reset();
            replayInBatches(batched, stream.size());
            assertThat(tables(new JdbcTemplate(other)))
                    .as("rebuilt, batches of %d", size)
                    .isEqualTo(oneByOne);
        }
    }

    @Test
    void aBatchWritesItsRowsWithOneStatementPerTableAtItsCommit() {
        DataSource counted = TestDatabase.create();
        List<String> statements = new ArrayList<>();
        NotificationProjection batched = new NotificationProjection(
                new NotificationRepository((DataSource) java.lang.reflect.Proxy.newProxyInstance(
                        getClass().getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                            Object result = method.invoke(counted, args);
                            return method.getName().equals("getConnection")
                                    ? countingConnection((java.sql.Connection) result, statements)
                                    : result;
                        })));
        replayInBatches(batched, 1); // the registration and the first records
        statements.clear();
        List<Consumer<NotificationProjection>> signatures = new ArrayList<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        List<String> participants = List.of(
                "AUT", "BEL", "BGR", "HRV", "CYP", "CZE", "DNK", "EST", "FIN", "GRC", "HUN", "IRL", "LVA", "LTU", "LUX",
                "MLT", "NLD", "POL", "PRT", "ROU");
        for (int i = 0; i < participants.size(); i++) {
            ConventionSignedEvent event = sign("s" + i, participants.get(i));
            long sequence = 100 + i;
            signatures.add(p -> p.on(event, sequence, token(sequence), null, "2026-03-01T00:00:00Z", "h"));
            messages.add(GenericEventMessage.asEventMessage(event));
        }
        runBatch(batched, signatures, messages);
        // three look-ups of the batch's records, the year's last number, three batched inserts
        assertThat(statements).hasSize(7);
        assertThat(statements.stream().filter(sql -> sql.startsWith("INSERT"))).hasSize(3);
        assertThat(new JdbcTemplate(counted)
                        .queryForObject("SELECT COUNT(*) FROM notification WHERE record_id LIKE 's%'", Integer.class))
                .isEqualTo(20);
    }

    private static java.sql.Connection countingConnection(java.sql.Connection connection, List<String> statements) {
        return (java.sql.Connection) java.lang.reflect.Proxy.newProxyInstance(
                NotificationProjectionTest.class.getClassLoader(),
                new Class<?>[] {java.sql.Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void replay() {
        stream.forEach(event -> event.accept(projection));
    }

    /** The stream handled as Axon's pooled processor hands it over: batches of {@code size} in one unit of work. */
    private void replayInBatches(NotificationProjection target, int size) {
        for (int from = 0; from < stream.size(); from += size) {
            int to = Math.min(stream.size(), from + size);
            runBatch(target, stream.subList(from, to), messages.subList(from, to));
        }
    }

    private static void runBatch(
            NotificationProjection target,
            List<Consumer<NotificationProjection>> handlers,
            List<? extends EventMessage<?>> batch) {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
        int[] next = {0};
        var result = unitOfWork.executeWithResult(
                () -> {
                    handlers.get(next[0]++).accept(target);
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        result.optionalExceptionResult().ifPresent(e -> {
            throw new AssertionError("the batch failed", e);
        });
    }

    private static Map<String, List<Map<String, Object>>> tables(JdbcTemplate db) {
        return Map.of(
                "notification", db.queryForList("SELECT * FROM notification ORDER BY record_id"),
                "notification_action", db.queryForList("SELECT * FROM notification_action ORDER BY record_id"),
                "notification_number", db.queryForList("SELECT * FROM notification_number ORDER BY record_id"),
                "notification_treaty", db.queryForList("SELECT * FROM notification_treaty ORDER BY treaty_id"));
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
