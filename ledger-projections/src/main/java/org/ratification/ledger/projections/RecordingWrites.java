package org.ratification.ledger.projections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * On PostgreSQL, the inline read models' writes of one recording (its history row, its status row, the
 * treaty's chain head), sent to the database together, in one round trip, when the recording's unit of
 * work prepares its commit: after the event store has appended the event and every inline handler has
 * run, before the transaction commits. pgjdbc sends the statements of one text joined by {@code ;} as
 * one message with a single sync, and they run in order in the transaction; a write that fails fails the
 * commit, so the recording is refused and nothing is recorded, as when a handler throws. Written one by
 * one they cost a round trip each (bench/RESULTS.md §0nb). On H2, which runs in the JVM, and outside a
 * unit of work (folds have {@link FoldWrites}), nothing is held back.
 *
 * <p>A repository hands a write to {@link #add} and, before any other statement of its own (a read, an
 * update of an earlier row), calls {@link FoldWrites#flush}, which sends what is held here too, so every
 * statement still sees the rows written before it.
 */
public final class RecordingWrites {

    private static final String RESOURCE = RecordingWrites.class.getName();

    private final JdbcTemplate jdbc;
    private final List<String> statements = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    private RecordingWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds a write for the current recording's round trip, or returns false (the caller then executes
     * it itself): when {@code pipelined} is false (H2) or no unit of work is under way on this thread.
     */
    public static boolean add(JdbcTemplate jdbc, boolean pipelined, String sql, Object[] args) {
        if (!pipelined || !CurrentUnitOfWork.isStarted()) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root.phase().isAfter(UnitOfWork.Phase.PREPARE_COMMIT)) {
            return false;
        }
        RecordingWrites writes = root.getOrComputeResource(RESOURCE, k -> {
            RecordingWrites held = new RecordingWrites(jdbc);
            // registered while the event store's prepare-commit step runs the inline handlers, so it runs
            // right after that step: after every handler, before the commit
            root.onPrepareCommit(u -> held.send());
            return held;
        });
        writes.statements.add(sql);
        writes.arguments.addAll(Arrays.asList(args));
        return true;
    }

    /** Sends what the current recording holds, if anything: call it before any other statement. */
    static void flush() {
        if (CurrentUnitOfWork.isStarted()) {
            RecordingWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (writes != null) {
                writes.send();
            }
        }
    }

    private void send() {
        if (statements.isEmpty()) {
            return;
        }
        String sql = String.join(";\n", statements);
        Object[] args = arguments.toArray();
        statements.clear();
        arguments.clear();
        jdbc.update(sql, args);
    }
}
