package org.ratification.ledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 5: recording on a treaty with 10,000 prior events versus one with 100, at the same
 * fixed rate (open loop). Both treaties get their first 100 events (registration and
 * communications) through the API; the big one is then extended to 10,000 with copies of its own
 * communication events (genuine bytes, fresh ids), because through the API each write loads the
 * whole stream and building it would take most of the run. Repetitions alternate between the two.
 */
final class AggregateLoadScenario {

    static final String NAME = "5 Aggregate load";
    static final String SMALL = "bench-agg-small";
    static final String BIG = "bench-agg-big";

    /** Writes per measured repetition at least (repetitions are lengthened up to 30 s to get them). */
    private static final int MIN_WRITES = 8;

    private AggregateLoadScenario() {}

    static void run(Bench b) throws Exception {
        int small = b.mode.smallTreatyEvents();
        int big = b.mode.bigTreatyEvents();
        Log.info("scenario 5: treaties of %d and %,d events", small, big);
        for (String treaty : List.of(SMALL, BIG)) {
            Fixtures.register(b.client, treaty);
            Fixtures.communications(b.client, treaty, small - 1);
        }
        var rows = StoreCloner.read(b.dataSource(), BIG);
        var communications = rows.stream()
                .filter(r -> r.payloadType().endsWith("CommunicationReceivedEvent"))
                .toList();
        long next = rows.get(rows.size() - 1).sequence() + 1;
        StoreCloner.extend(b.database, communications, next, big);
        Processors.awaitAll(b.axon(), b.dataSource(), Duration.ofMinutes(10));
        AtomicLong n = new AtomicLong();
        // Writes on one treaty are serialized by its lock: find what each treaty sustains and run both
        // at the same rate, at most the mode's and at most half of the slower treaty's maximum.
        double maxSmall = maxRate(b, SMALL, n);
        double maxBig = maxRate(b, BIG, n);
        double rate = Math.min(b.mode.aggregateRate(), Math.min(maxSmall, maxBig) / 2);
        Duration repetition = Duration.ofMillis(
                Math.min(30_000, Math.max(b.mode.repetition().toMillis(), Math.round(MIN_WRITES * 1000 / rate))));
        Log.info(
                "scenario 5: maximum %.1f writes/s on %d events, %.1f on %,d; measuring at %.1f/s, %.0f s per repetition",
                maxSmall, small, maxBig, big, rate, repetition.toMillis() / 1e3);
        Load.openLoop(rate, b.mode.warmUp(), 256, i -> write(b, SMALL, n.incrementAndGet()));
        Load.openLoop(rate, b.mode.warmUp(), 256, i -> write(b, BIG, n.incrementAndGet()));
        List<Load.Outcome> smallRuns = new ArrayList<>();
        List<Load.Outcome> bigRuns = new ArrayList<>();
        for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
            Load.Outcome s = Load.openLoop(rate, repetition, 256, i -> write(b, SMALL, n.incrementAndGet()));
            Load.Outcome l = Load.openLoop(rate, repetition, 256, i -> write(b, BIG, n.incrementAndGet()));
            Log.info(
                    "scenario 5: rep %d: %d events p99 %.1f ms, %,d events p99 %.1f ms",
                    rep, small, s.latency().p99(), big, l.latency().p99());
            smallRuns.add(s);
            bigRuns.add(l);
        }
        long failed = smallRuns.stream().mapToLong(Load.Outcome::failed).sum()
                + bigRuns.stream().mapToLong(Load.Outcome::failed).sum();
        Summary bigP99 = RecordingScenario.summary(bigRuns, o -> o.latency().p99());
        Summary smallP99 = RecordingScenario.summary(smallRuns, o -> o.latency().p99());
        Double ratio = Report.ratio(bigP99, smallP99);
        b.report.add(new Row(
                NAME,
                String.format("recording p99 on a treaty of %,d events, %.1f writes/s (open loop)", big, rate),
                "ms",
                bigP99,
                "same on " + small + " events",
                smallP99,
                ratio,
                "≤ 1.5 × small",
                ratio != null && ratio <= 1.5 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                (failed == 0 ? "" : failed + " writes failed; ") + "p50 "
                        + Report.number(RecordingScenario.summary(
                                        bigRuns, o -> o.latency().p50())
                                .median())
                        + " vs "
                        + Report.number(RecordingScenario.summary(
                                        smallRuns, o -> o.latency().p50())
                                .median())
                        + String.format(
                                " ms; maximum rates %.1f and %.1f writes/s; events %d–%d of the big treaty copied in the store",
                                maxSmall, maxBig, small, big - 1)));
    }

    /** Writes per second on one treaty by 8 closed-loop clients over one repetition. */
    private static double maxRate(Bench b, String treaty, AtomicLong n) throws InterruptedException {
        return Load.closedLoop(8, b.mode.repetition(), client -> write(b, treaty, n.incrementAndGet())
                        .get())
                .throughput();
    }

    private static CompletableFuture<Boolean> write(Bench b, String treaty, long k) {
        String participant = Fixtures.communicator(k);
        return b.client
                .postAsync(Fixtures.path(treaty, "communications"), Fixtures.communication(participant, k))
                .thenApply(r -> {
                    if (!r.created()) {
                        Log.warnOnce("recording on " + treaty + " answered " + r.status() + ": " + r.body());
                    }
                    return r.created();
                });
    }
}
