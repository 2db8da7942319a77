package org.ratification.ledger.projections.notifications;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.projections.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of the notifications read model: the facts the projection writes from
 * ({@code notification_treaty}, {@code notification_action}), the notifications themselves, and
 * the journal of issued numbers ({@code notification_number}), which a reset keeps.
 */
@Repository
public class NotificationRepository {

    static final String INSERT_NOTIFICATION = "INSERT INTO notification (record_id, treaty_id, reference, cn_year,"
            + " cn_number, action_type, participant, legal_date, recorded_at, sequence_number, global_position,"
            + " refers_to, entry_into_force_on, subject, body, head_hash, subject_fr, body_fr)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    /**
     * The treaties' definitions as parsed, by treaty id. Only this read model's processor writes them,
     * from the treaty's registration (one per treaty, never changed), so a definition once read stays
     * right; a reset empties it with the table.
     */
    private final Map<String, TreatyDefinition> treaties = new ConcurrentHashMap<>();

    public NotificationRepository(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** A C.N. number: the year of recording and the running number within it. */
    record Number(int year, int number) {}

    void saveTreaty(TreatyDefinition definition) {
        jdbc.update("DELETE FROM notification_treaty WHERE treaty_id = ?", definition.id());
        jdbc.update(
                "INSERT INTO notification_treaty (treaty_id, definition) VALUES (?, ?)",
                definition.id(),
                EventJson.write(definition));
        treaties.put(definition.id(), definition);
    }

    /** The definition of a treaty, parsed once per treaty. */
    Optional<TreatyDefinition> treaty(String treatyId) {
        TreatyDefinition known = treaties.get(treatyId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<TreatyDefinition> stored = storedTreaty(treatyId);
        stored.ifPresent(definition -> treaties.put(treatyId, definition));
        return stored;
    }

    private Optional<TreatyDefinition> storedTreaty(String treatyId) {
        return jdbc
                .queryForList("SELECT definition FROM notification_treaty WHERE treaty_id = ?", String.class, treatyId)
                .stream()
                .findFirst()
                .map(json -> EventJson.read(json, TreatyDefinition.class));
    }

    void saveAction(String treatyId, long sequence, Action a) {
        NotificationBatch.current(jdbc).saveAction(treatyId, sequence, a);
    }

    void updateAction(Action a) {
        if (NotificationBatch.current(jdbc).updatePending(a)) {
            return;
        }
        jdbc.update(
                "UPDATE notification_action SET participant = ?, legal_date = ?, instrument_type = ?,"
                        + " effective_on = ?, retracted = ? WHERE record_id = ?",
                a.participant(),
                sqlDate(a.date()),
                a.instrumentType() == null ? null : a.instrumentType().name(),
                sqlDate(a.effectiveOn()),
                a.retracted(),
                a.recordId());
    }

    Optional<Action> action(String recordId) {
        Optional<Action> pending = NotificationBatch.current(jdbc).pendingAction(recordId);
        if (pending.isPresent()) {
            return pending;
        }
        return jdbc
                .query(
                        "SELECT * FROM notification_action WHERE record_id = ?",
                        NotificationRepository::action,
                        recordId)
                .stream()
                .findFirst();
    }

    /** The live instruments of a treaty, in recording order (with those of the current batch). */
    List<Action> liveInstruments(String treatyId) {
        NotificationBatch batch = NotificationBatch.current(jdbc);
        List<NotificationBatch.PendingAction> rows = new ArrayList<>();
        jdbc.query(
                "SELECT * FROM notification_action WHERE treaty_id = ? AND kind = ? AND retracted = FALSE"
                        + " ORDER BY sequence_number",
                rs -> {
                    if (!batch.pendingActionIds().contains(rs.getString("record_id"))) {
                        rows.add(new NotificationBatch.PendingAction(
                                treatyId, rs.getLong("sequence_number"), action(rs, 0)));
                    }
                },
                treatyId,
                ActionKind.INSTRUMENT.name());
        List<NotificationBatch.PendingAction> pending = batch.pendingActions(treatyId);
        if (pending.isEmpty()) {
            return rows.stream().map(NotificationBatch.PendingAction::action).toList();
        }
        pending.stream()
                .filter(p -> NotificationBatch.isLiveInstrument(p.action()))
                .forEach(rows::add);
        rows.sort(Comparator.comparingLong(NotificationBatch.PendingAction::sequence));
        return rows.stream().map(NotificationBatch.PendingAction::action).toList();
    }

    /**
     * The number of a record's notification: the one issued before if the journal has it (a
     * replay), otherwise the next free number of {@code year}, entered in the journal.
     */
    Number number(String recordId, int year) {
        NotificationBatch batch = NotificationBatch.current(jdbc);
        Optional<Number> known = batch.issuedNumber(recordId);
        if (known == null) {
            known = jdbc
                    .query(
                            "SELECT cn_year, cn_number FROM notification_number WHERE record_id = ?",
                            (rs, row) -> new Number(rs.getInt(1), rs.getInt(2)),
                            recordId)
                    .stream()
                    .findFirst();
        }
        if (known.isPresent()) {
            return known.get();
        }
        Integer last = batch.lastNumber(year);
        if (last == null) {
            // the last number of the year through the (cn_year, cn_number) index; H2 answers MAX(cn_number)
            // WHERE cn_year = ? by reading every number of the year, which made a replay quadratic
            last = jdbc
                    .queryForList(
                            "SELECT cn_number FROM notification_number WHERE cn_year = ?"
                                    + " ORDER BY cn_year DESC, cn_number DESC FETCH FIRST 1 ROW ONLY",
                            Integer.class,
                            year)
                    .stream()
                    .findFirst()
                    .orElse(0);
        }
        Number next = new Number(year, last + 1);
        batch.issue(recordId, next);
        return next;
    }

    /** A notification with its French subject and text (null: English only). */
    void saveNotification(NotificationView n, FrenchNotificationTexts.Text french, long sequence, Long globalPosition) {
        NotificationBatch.current(jdbc).saveNotification(n.recordId(), n.reference(), new Object[] {
            n.recordId(),
            n.treatyId(),
            n.reference(),
            n.year(),
            n.number(),
            n.action(),
            n.participant(),
            sqlDate(n.legalDate()),
            n.recordedAt(),
            sequence,
            globalPosition,
            n.refersTo(),
            sqlDate(n.entryIntoForceOn()),
            n.subject(),
            n.text(),
            n.headHash(),
            french == null ? null : french.subject(),
            french == null ? null : french.text()
        });
    }

    Optional<String> referenceOf(String recordId) {
        Optional<String> known = NotificationBatch.current(jdbc).reference(recordId);
        if (known != null) {
            return known;
        }
        return jdbc
                .queryForList("SELECT reference FROM notification WHERE record_id = ?", String.class, recordId)
                .stream()
                .findFirst();
    }

    /** A treaty's notifications in the order they were issued, the newest last. */
    public List<NotificationView> notifications(String treatyId) {
        return jdbc.query(
                "SELECT n.*, r.reference AS refers_to_reference FROM notification n"
                        + " LEFT JOIN notification r ON r.record_id = n.refers_to"
                        + " WHERE n.treaty_id = ? ORDER BY n.sequence_number",
                NotificationRepository::notification,
                treatyId);
    }

    /**
     * Notifications across treaties, the newest first (by year and number of issue), filtered by
     * whichever of treaty, participant, year and action is not null, at most {@code limit}.
     */
    public List<NotificationView> search(
            String treatyId, String participant, Integer year, String action, int limit, boolean french) {
        StringBuilder sql = new StringBuilder("SELECT n.*, r.reference AS refers_to_reference FROM notification n"
                + " LEFT JOIN notification r ON r.record_id = n.refers_to WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (treatyId != null) {
            sql.append(" AND n.treaty_id = ?");
            args.add(treatyId);
        }
        if (participant != null) {
            sql.append(" AND n.participant = ?");
            args.add(participant);
        }
        if (year != null) {
            sql.append(" AND n.cn_year = ?");
            args.add(year);
        }
        if (action != null) {
            sql.append(" AND n.action_type = ?");
            args.add(action);
        }
        sql.append(" ORDER BY n.cn_year DESC, n.cn_number DESC FETCH FIRST ")
                .append(limit)
                .append(" ROWS ONLY");
        return jdbc.query(
                sql.toString(),
                french ? NotificationRepository::inFrench : NotificationRepository::notification,
                args.toArray());
    }

    /** The definition of a treaty as the notifications read model holds it. */
    public Optional<TreatyDefinition> definition(String treatyId) {
        return storedTreaty(treatyId);
    }

    public boolean hasTreaty(String treatyId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM notification_treaty WHERE treaty_id = ?", Integer.class, treatyId);
        return n != null && n > 0;
    }

    void deleteAll() {
        jdbc.update("DELETE FROM notification");
        jdbc.update("DELETE FROM notification_action");
        jdbc.update("DELETE FROM notification_treaty");
        treaties.clear();
    }

    private static NotificationView notification(ResultSet rs, int row) throws SQLException {
        String participant = rs.getString("participant");
        return new NotificationView(
                rs.getString("reference"),
                rs.getInt("cn_number"),
                rs.getInt("cn_year"),
                rs.getString("treaty_id"),
                rs.getString("record_id"),
                rs.getString("action_type"),
                participant,
                ParticipantRegistry.standard().nameOf(participant),
                localDate(rs, "legal_date"),
                rs.getString("recorded_at"),
                rs.getString("refers_to"),
                rs.getString("refers_to_reference"),
                localDate(rs, "entry_into_force_on"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("head_hash"));
    }

    /** In French where the notification has its French text (issued by this version or rebuilt), else English. */
    private static NotificationView inFrench(ResultSet rs, int row) throws SQLException {
        NotificationView n = notification(rs, row);
        String subject = rs.getString("subject_fr");
        String body = rs.getString("body_fr");
        if (subject == null || body == null) {
            return n;
        }
        return new NotificationView(
                n.reference(),
                n.number(),
                n.year(),
                n.treatyId(),
                n.recordId(),
                n.action(),
                n.participant(),
                ParticipantRegistry.standard().frenchNameOf(n.participant()),
                n.legalDate(),
                n.recordedAt(),
                n.refersTo(),
                n.refersToReference(),
                n.entryIntoForceOn(),
                subject,
                body,
                n.headHash());
    }

    /** An action as its row gives it back: the fields the table keeps. */
    static Action stored(Action a) {
        return new Action(
                a.recordId(),
                a.kind(),
                a.participant(),
                a.date(),
                a.instrumentType(),
                null,
                null,
                null,
                a.communicationKind(),
                null,
                null,
                a.effectiveOn(),
                a.retracted());
    }

    private static Action action(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("instrument_type");
        String communication = rs.getString("communication");
        return new Action(
                rs.getString("record_id"),
                ActionKind.valueOf(rs.getString("kind")),
                rs.getString("participant"),
                localDate(rs, "legal_date"),
                type == null ? null : InstrumentType.valueOf(type),
                null,
                null,
                null,
                communication == null ? null : CommunicationKind.valueOf(communication),
                null,
                null,
                localDate(rs, "effective_on"),
                rs.getBoolean("retracted"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
