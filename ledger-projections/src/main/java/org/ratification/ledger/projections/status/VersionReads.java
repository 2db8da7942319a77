package org.ratification.ledger.projections.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads treaties' versions for concurrent status reads, several reads to one statement when they
 * queue: as a group commit does for writes.
 *
 * <p>A read that finds fewer than {@code maxRounds} rounds under way starts one at once, for itself
 * and whatever reads wait. Otherwise it waits: the next round to end hands the reads waiting then to
 * one of them, which reads all their versions with one statement ({@code WHERE treaty_id IN (…)}).
 * Every read's statement is thus sent after the read arrived, so it sees every commit made before
 * that, on any node, as one statement per read did.
 *
 * <p>On PostgreSQL each statement is a round trip to another process, on a connection of the pool.
 * When reads queue (a pause, a busy machine), one statement per read made them wait for the pool's
 * connections one after the other (bench/RESULTS.md §0l); a round reads up to {@value #MAX_BATCH}
 * versions with one, and the reads use at most {@code maxRounds} connections.
 */
final class VersionReads {

    /** Treaties read by one statement at most. */
    static final int MAX_BATCH = 64;

    private final Function<Collection<String>, Map<String, StatusRepository.Version>> query;
    private final int maxRounds;
    private final ArrayDeque<Read> waiting = new ArrayDeque<>();
    /** Rounds under way; guarded by {@link #waiting}. */
    private int rounds;
    /** Statements sent, for tests. */
    private long statements;

    VersionReads(Function<Collection<String>, Map<String, StatusRepository.Version>> query, int maxRounds) {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be 1 or more");
        }
        this.query = query;
        this.maxRounds = maxRounds;
    }

    /** The treaty's version, read by a statement sent after this call began; empty if unknown. */
    Optional<StatusRepository.Version> version(String treatyId) {
        Read read = new Read(treatyId);
        List<Read> round;
        synchronized (waiting) {
            waiting.add(read);
            round = rounds < maxRounds ? start() : null;
        }
        while (true) {
            if (round != null) {
                run(round);
            }
            round = read.await();
            if (round == null) {
                return read.answer();
            }
        }
    }

    /** Statements sent so far. */
    long statements() {
        synchronized (waiting) {
            return statements;
        }
    }

    /** Reads waiting for a round now, for tests. */
    int waitingReads() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Takes up to {@link #MAX_BATCH} waiting reads as a new round; guarded by {@link #waiting}. */
    private List<Read> start() {
        rounds++;
        statements++;
        List<Read> round = new ArrayList<>(Math.min(waiting.size(), MAX_BATCH));
        while (!waiting.isEmpty() && round.size() < MAX_BATCH) {
            round.add(waiting.poll());
        }
        return round;
    }

    /**
     * Runs one round and answers its reads; if reads wait then, hands them as the next round to the
     * first of them (whose thread runs it).
     */
    private void run(List<Read> round) {
        Map<String, StatusRepository.Version> versions = Map.of();
        RuntimeException failure = null;
        Error error = null;
        try {
            LinkedHashSet<String> ids = new LinkedHashSet<>();
            for (Read read : round) {
                ids.add(read.treatyId);
            }
            versions = query.apply(ids);
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            error = e;
            failure = new IllegalStateException("Reading the treaties' versions failed", e);
        }
        List<Read> next;
        synchronized (waiting) {
            rounds--;
            next = waiting.isEmpty() ? null : start();
        }
        if (next != null) {
            next.get(0).lead(next);
        }
        for (Read read : round) {
            read.answer(failure, versions.get(read.treatyId));
        }
        if (error != null) {
            throw error;
        }
    }

    /** One read's treaty, and its answer or the round it is to run. */
    private static final class Read {

        final String treatyId;
        private boolean answered;
        private List<Read> round;
        private RuntimeException failure;
        private StatusRepository.Version version;

        Read(String treatyId) {
            this.treatyId = treatyId;
        }

        synchronized void answer(RuntimeException failure, StatusRepository.Version version) {
            this.failure = failure;
            this.version = version;
            this.answered = true;
            notifyAll();
        }

        synchronized void lead(List<Read> round) {
            this.round = round;
            notifyAll();
        }

        /**
         * Waits for a round to run, or for the answer (then null). Not interruptible: a round handed
         * to this thread must be run, or the reads in it would wait for ever.
         */
        synchronized List<Read> await() {
            boolean interrupted = false;
            while (!answered && round == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            List<Read> toRun = round;
            round = null;
            return toRun;
        }

        synchronized Optional<StatusRepository.Version> answer() {
            if (failure != null) {
                throw failure;
            }
            return Optional.ofNullable(version);
        }
    }
}
