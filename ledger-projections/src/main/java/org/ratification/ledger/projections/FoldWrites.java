package org.ratification.ledger.projections;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of a direct fold (a rebuild of an inline read model on the folding thread), sent to the
 * database as JDBC batches instead of one statement per event. Outside a fold nothing is held back:
 * a recording's rows are written by its own statements, as before.
 *
 * <p>A repository hands an insert to {@link #add} and, before any other statement of its own (a read,
 * an update of an earlier row), calls {@link #flush}, so every statement still sees the rows of the
 * events before it. The fold ends with a flush, inside its transaction.
 */
public final class FoldWrites {

    /** Statements held per SQL text before they go out as one batch. */
    static final int BATCH_SIZE = 1_000;

    private static final ThreadLocal<FoldWrites> CURRENT = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final Map<String, List<Object[]>> pending = new LinkedHashMap<>();
    private final List<Runnable> finishers = new ArrayList<>();
    private final Map<Object, Object> state = new LinkedHashMap<>();
    private int held;

    private FoldWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs a fold on this thread with its writes batched; flushes them before returning. */
    public static <T> T during(JdbcTemplate jdbc, Supplier<T> fold) {
        if (CURRENT.get() != null) {
            throw new IllegalStateException("A fold is already under way on this thread");
        }
        FoldWrites writes = new FoldWrites(jdbc);
        CURRENT.set(writes);
        try {
            T result = fold.get();
            writes.send();
            return result;
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * Holds an insert for the fold's next batch, or returns false outside a fold (the caller then
     * executes it itself).
     */
    public static boolean add(String sql, Object[] args) {
        FoldWrites writes = CURRENT.get();
        if (writes == null) {
            return false;
        }
        writes.pending.computeIfAbsent(sql, s -> new ArrayList<>()).add(args);
        if (++writes.held >= BATCH_SIZE) {
            writes.send();
        }
        return true;
    }

    /**
     * Whether a fold is under way on this thread; if so, {@code finisher} runs when the fold's held
     * writes are next sent (once), so a repository can keep only the last value of a row meanwhile.
     */
    public static boolean deferring(Runnable finisher) {
        FoldWrites writes = CURRENT.get();
        if (writes == null) {
            return false;
        }
        if (!writes.finishers.contains(finisher)) {
            writes.finishers.add(finisher);
        }
        return true;
    }

    /**
     * The state {@code owner} keeps for the fold under way on this thread (created by {@code initial}
     * on first use), or null outside a fold. It lives and dies with the fold, also when the fold fails.
     */
    @SuppressWarnings("unchecked")
    public static <T> T state(Object owner, Supplier<T> initial) {
        FoldWrites writes = CURRENT.get();
        return writes == null ? null : (T) writes.state.computeIfAbsent(owner, o -> initial.get());
    }

    /**
     * Sends what the fold holds, if a fold is under way, and what the recording under way holds
     * ({@link RecordingWrites}): call it before any other statement.
     */
    public static void flush() {
        FoldWrites writes = CURRENT.get();
        if (writes != null) {
            writes.send();
        }
        RecordingWrites.flush();
    }

    private void send() {
        pending.forEach(jdbc::batchUpdate);
        pending.clear();
        held = 0;
        List<Runnable> finishing = List.copyOf(finishers);
        finishers.clear();
        finishing.forEach(Runnable::run);
    }
}
