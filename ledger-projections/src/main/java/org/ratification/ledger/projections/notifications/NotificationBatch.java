package org.ratification.ledger.projections.notifications;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one batch of the notifications processor, sent as JDBC batches when the batch's
 * unit of work prepares its commit (in its transaction, with its token), and what the batch has
 * learnt: whether its records have a number or a notification already (one query each for the whole
 * batch), the last number of each year, and the actions it has saved, so that a later event of the
 * same batch (a correction, an entry into force) reads them as if they were written. Outside a unit
 * of work (a handler called directly) every write goes to the database at once.
 *
 * <p>Numbers stay assigned once and in order: the processor has one segment, so one batch at a time
 * numbers events, in the order of the stream; the last number of a year is read once per batch from
 * the journal (which commits with the batch) and counted on in memory; a batch that fails rolls back
 * whole, its numbers with it, and is handled again.
 */
final class NotificationBatch {

    private static final String RESOURCE = NotificationBatch.class.getName();
    /** Parameters per {@code IN (...)} lookup. */
    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final boolean immediate;

    /** Record ids whose journal entry, notification and action (if any) are in the maps below. */
    private final Set<String> known = new HashSet<>();

    private final Map<String, NotificationRepository.Number> journal = new HashMap<>();
    private final Map<String, String> references = new HashMap<>();
    private final Set<String> storedActions = new HashSet<>();
    private final Map<Integer, Integer> lastNumbers = new HashMap<>();

    /** Actions saved by this batch, not yet written, by record id (in the form a read gives back). */
    private final Map<String, PendingAction> actions = new LinkedHashMap<>();

    private final List<String> actionDeletes = new ArrayList<>();
    private final List<Object[]> numberRows = new ArrayList<>();
    private final List<String> notificationDeletes = new ArrayList<>();
    private final List<Object[]> notificationRows = new ArrayList<>();

    record PendingAction(String treatyId, long sequence, Action action) {}

    private NotificationBatch(JdbcTemplate jdbc, boolean immediate) {
        this.jdbc = jdbc;
        this.immediate = immediate;
    }

    /** The batch of the current unit of work (made, looked up ahead and flushed on prepare-commit), or a write-through one. */
    static NotificationBatch current(JdbcTemplate jdbc) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new NotificationBatch(jdbc, true);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(RESOURCE, key -> {
            NotificationBatch batch = new NotificationBatch(jdbc, false);
            if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
                batch.lookAhead(recordIds(batching.getMessages()));
            }
            unitOfWork.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    private static List<String> recordIds(List<?> messages) {
        List<String> ids = new ArrayList<>(messages.size());
        for (Object each : messages) {
            if (each instanceof EventMessage<?> message
                    && TreatyEvent.class.isAssignableFrom(message.getPayloadType())
                    && message.getPayload() instanceof TreatyEvent event
                    && event.recordId() != null) {
                ids.add(event.recordId());
            }
        }
        return ids;
    }

    /** One query per table for all the records of the batch: numbers, notifications and actions they have. */
    void lookAhead(Collection<String> recordIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(recordIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String in = String.join(",", Collections.nCopies(chunk.size(), "?"));
            Object[] args = chunk.toArray();
            jdbc.query(
                    "SELECT record_id, cn_year, cn_number FROM notification_number WHERE record_id IN (" + in + ")",
                    rs -> {
                        journal.put(rs.getString(1), new NotificationRepository.Number(rs.getInt(2), rs.getInt(3)));
                    },
                    args);
            jdbc.query(
                    "SELECT record_id, reference FROM notification WHERE record_id IN (" + in + ")",
                    rs -> {
                        references.put(rs.getString(1), rs.getString(2));
                    },
                    args);
            jdbc.query(
                    "SELECT record_id FROM notification_action WHERE record_id IN (" + in + ")",
                    rs -> {
                        storedActions.add(rs.getString(1));
                    },
                    args);
            known.addAll(chunk);
        }
    }

    // ---- actions

    void saveAction(String treatyId, long sequence, Action action) {
        Action stored = NotificationRepository.stored(action);
        if (immediate) {
            deleteAction(action.recordId());
            insertActions(List.of(new PendingAction(treatyId, sequence, stored)));
            return;
        }
        if (!actions.containsKey(action.recordId())
                && (!known.contains(action.recordId()) || storedActions.contains(action.recordId()))) {
            actionDeletes.add(action.recordId()); // delivered again: the row is replaced, as in a direct write
        }
        actions.put(action.recordId(), new PendingAction(treatyId, sequence, stored));
    }

    /** Whether the action is one this batch saved (and then updates it in memory). */
    boolean updatePending(Action action) {
        PendingAction pending = actions.get(action.recordId());
        if (pending == null) {
            return false;
        }
        actions.put(
                action.recordId(),
                new PendingAction(pending.treatyId(), pending.sequence(), NotificationRepository.stored(action)));
        return true;
    }

    Optional<Action> pendingAction(String recordId) {
        return Optional.ofNullable(actions.get(recordId)).map(PendingAction::action);
    }

    /** The actions of a treaty saved by this batch, which replace stored rows of the same record. */
    List<PendingAction> pendingActions(String treatyId) {
        List<PendingAction> found = new ArrayList<>();
        for (PendingAction pending : actions.values()) {
            if (pending.treatyId().equals(treatyId)) {
                found.add(pending);
            }
        }
        return found;
    }

    Set<String> pendingActionIds() {
        return actions.keySet();
    }

    // ---- numbers

    /** The journal's number of a record if this batch knows it: empty optional = none; null = ask the database. */
    Optional<NotificationRepository.Number> issuedNumber(String recordId) {
        if (journal.containsKey(recordId)) {
            return Optional.of(journal.get(recordId));
        }
        return known.contains(recordId) ? Optional.empty() : null;
    }

    /** The last number of the year this batch counted to, or null if it has not read it yet. */
    Integer lastNumber(int year) {
        return lastNumbers.get(year);
    }

    void issue(String recordId, NotificationRepository.Number number) {
        journal.put(recordId, number);
        known.add(recordId);
        lastNumbers.merge(number.year(), number.number(), Math::max);
        Object[] row = {recordId, number.year(), number.number()};
        if (immediate) {
            jdbc.update("INSERT INTO notification_number (record_id, cn_year, cn_number) VALUES (?,?,?)", row);
        } else {
            numberRows.add(row);
        }
    }

    // ---- notifications

    /** The reference of a record's notification if this batch knows: empty = none; null = ask the database. */
    Optional<String> reference(String recordId) {
        if (references.containsKey(recordId)) {
            return Optional.of(references.get(recordId));
        }
        return known.contains(recordId) ? Optional.empty() : null;
    }

    void saveNotification(String recordId, String reference, Object[] row) {
        if (immediate) {
            jdbc.update("DELETE FROM notification WHERE record_id = ?", recordId);
            jdbc.update(NotificationRepository.INSERT_NOTIFICATION, row);
            return;
        }
        boolean replacedInBatch = notificationRows.removeIf(r -> recordId.equals(r[0]));
        if (!replacedInBatch && (references.containsKey(recordId) || !known.contains(recordId))) {
            notificationDeletes.add(recordId); // the database may hold it: replaced, as in a direct write
        }
        references.put(recordId, reference);
        notificationRows.add(row);
    }

    // ---- writing

    /** Sends the batch's writes: deletes of rows replaced, then the inserts, one JDBC batch per statement. */
    void flush() {
        if (!actionDeletes.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM notification_action WHERE record_id = ?",
                    actionDeletes.stream().map(id -> new Object[] {id}).toList());
        }
        insertActions(actions.values());
        if (!numberRows.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO notification_number (record_id, cn_year, cn_number) VALUES (?,?,?)", numberRows);
        }
        if (!notificationDeletes.isEmpty()) {
            jdbc.batchUpdate(
                    "DELETE FROM notification WHERE record_id = ?",
                    notificationDeletes.stream().map(id -> new Object[] {id}).toList());
        }
        if (!notificationRows.isEmpty()) {
            jdbc.batchUpdate(NotificationRepository.INSERT_NOTIFICATION, notificationRows);
        }
        actionDeletes.clear();
        actions.clear();
        numberRows.clear();
        notificationDeletes.clear();
        notificationRows.clear();
    }

    private void deleteAction(String recordId) {
        jdbc.update("DELETE FROM notification_action WHERE record_id = ?", recordId);
    }

    private void insertActions(Collection<PendingAction> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (PendingAction p : pending) {
            Action a = p.action();
            rows.add(new Object[] {
                a.recordId(),
                p.treatyId(),
                p.sequence(),
                a.kind().name(),
                a.participant(),
                sqlDate(a.date()),
                a.instrumentType() == null ? null : a.instrumentType().name(),
                a.communicationKind() == null ? null : a.communicationKind().name(),
                sqlDate(a.effectiveOn()),
                a.retracted()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO notification_action (record_id, treaty_id, sequence_number, kind, participant,"
                        + " legal_date, instrument_type, communication, effective_on, retracted)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?)",
                rows);
    }

    static boolean isLiveInstrument(Action a) {
        return a.kind() == ActionKind.INSTRUMENT && !a.retracted();
    }

    private static Date sqlDate(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
