package org.ratification.ledger.projections.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads that arrive while a version statement runs share the next statement, sent after they arrived. */
class VersionReadsTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The database: a version per known treaty; each statement's treaties are noted. */
    private static final class Table implements Function<Collection<String>, Map<String, StatusRepository.Version>> {

        final List<List<String>> statements = new CopyOnWriteArrayList<>();
        final CountDownLatch firstArrived = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);
        volatile RuntimeException failure;

        @Override
        public Map<String, StatusRepository.Version> apply(Collection<String> ids) {
            statements.add(List.copyOf(ids));
            if (statements.size() == 1) {
                firstArrived.countDown();
                await(releaseFirst);
            }
            if (failure != null) {
                throw failure;
            }
            Map<String, StatusRepository.Version> versions = new java.util.HashMap<>();
            for (String id : ids) {
                if (id.startsWith("t")) {
                    versions.put(id, new StatusRepository.Version(id.length(), "hash-" + id));
                }
            }
            return versions;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Future<Optional<StatusRepository.Version>>> readWhileTheFirstStatementRuns(
            Table table, VersionReads reads, List<String> later) throws Exception {
        List<Future<Optional<StatusRepository.Version>>> answers = new ArrayList<>();
        answers.add(threads.submit(() -> reads.version("t-first")));
        await(table.firstArrived);
        for (String id : later) {
            answers.add(threads.submit(() -> reads.version(id)));
        }
        // every later read waits (the one round allowed is under way) before the first statement ends
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (reads.waitingReads() < later.size() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(reads.waitingReads()).isEqualTo(later.size());
        assertThat(table.statements).hasSize(1);
        table.releaseFirst.countDown();
        return answers;
    }

    @Test
    void readsThatWaitShareOneStatementSentAfterTheyArrivedAndEachGetsItsOwnTreatysVersion() throws Exception {
        Table table = new Table();
        VersionReads reads = new VersionReads(table, 1);

        List<Future<Optional<StatusRepository.Version>>> answers =
                readWhileTheFirstStatementRuns(table, reads, List.of("t-a", "t-bb", "unknown", "t-a"));

        assertThat(answers.get(0).get(30, TimeUnit.SECONDS)).contains(new StatusRepository.Version(7, "hash-t-first"));
        assertThat(answers.get(1).get(30, TimeUnit.SECONDS)).contains(new StatusRepository.Version(3, "hash-t-a"));
        assertThat(answers.get(2).get(30, TimeUnit.SECONDS)).contains(new StatusRepository.Version(4, "hash-t-bb"));
        assertThat(answers.get(3).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(answers.get(4).get(30, TimeUnit.SECONDS)).contains(new StatusRepository.Version(3, "hash-t-a"));
        // the four later reads: one statement, after the first, each treaty once
        assertThat(table.statements).hasSize(2);
        assertThat(table.statements.get(0)).containsExactly("t-first");
        assertThat(table.statements.get(1)).containsExactlyInAnyOrder("t-a", "t-bb", "unknown");
        assertThat(reads.statements()).isEqualTo(2);
    }

    @Test
    void aReadStartsItsOwnStatementAtOnceWhileFewerRoundsThanTheBoundRun() throws Exception {
        Table table = new Table();
        VersionReads reads = new VersionReads(table, 2);
        CompletableFuture<Optional<StatusRepository.Version>> first =
                CompletableFuture.supplyAsync(() -> reads.version("t-first"), threads);
        await(table.firstArrived);

        // the first statement still runs; a second round is allowed, so this read does not wait for it
        assertThat(reads.version("t-second")).contains(new StatusRepository.Version(8, "hash-t-second"));
        assertThat(first).isNotDone();

        table.releaseFirst.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).contains(new StatusRepository.Version(7, "hash-t-first"));
        assertThat(reads.waitingReads()).isZero();
    }

    @Test
    void aFailedStatementFailsEveryReadOfItsRoundAndTheNextReadsAreAnswered() throws Exception {
        Table table = new Table();
        VersionReads reads = new VersionReads(table, 1);
        table.failure = new IllegalStateException("database down");

        List<Future<Optional<StatusRepository.Version>>> answers =
                readWhileTheFirstStatementRuns(table, reads, List.of("t-a", "t-b"));

        for (Future<Optional<StatusRepository.Version>> answer : answers) {
            assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class)
                    .cause()
                    .hasMessage("database down");
        }
        table.failure = null;
        assertThat(reads.version("t-a")).contains(new StatusRepository.Version(3, "hash-t-a"));
        assertThat(reads.waitingReads()).isZero();
    }

    @Test
    void manyConcurrentReadsAreEachAnsweredWithTheirOwnTreatysVersion() throws Exception {
        Table table = new Table();
        table.releaseFirst.countDown();
        VersionReads reads = new VersionReads(table, 2);
        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = i % 7 == 0 ? "unknown-" + i : "t" + "x".repeat(i % 13);
            checks.add(threads.submit(() -> {
                Optional<StatusRepository.Version> version = reads.version(id);
                return id.startsWith("t")
                        ? version.equals(Optional.of(new StatusRepository.Version(id.length(), "hash-" + id)))
                        : version.isEmpty();
            }));
        }
        for (Future<Boolean> check : checks) {
            assertThat(check.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reads.waitingReads()).isZero();
        assertThat(table.statements.stream().mapToInt(List::size).max().orElseThrow())
                .isLessThanOrEqualTo(VersionReads.MAX_BATCH);
    }
}
