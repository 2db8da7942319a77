package org.ratification.ledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scenario 8: the verifiable log's proofs on a log of the big store's size (100,000 leaves quick,
 * 1,000,000 full). The store of scenario 2 was written past the API, so the log is first rebuilt by
 * its direct fold ({@code POST /api/admin/rebuild/log}; its rate is reported), then inclusion proofs
 * of random records and consistency proofs from random earlier sizes are asked for at a fixed rate
 * (open loop), each against the whole tree.
 */
final class LogProofScenario {

    static final String NAME = "8 Log proofs";
    private static final double RATE = 100;
    private static final int RECORDS = 1_000;

    private LogProofScenario() {}

    static void run(Bench b) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(b.dataSource());
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        Log.info("scenario 8: folding the log over %,d events", events);
        long started = System.nanoTime();
        LedgerClient.Response rebuild = b.client.post("/api/admin/rebuild/log", java.util.Map.of());
        if (rebuild.status() != 202 && rebuild.status() != 200) {
            throw new IllegalStateException("rebuild of the log answered " + rebuild.status() + ": " + rebuild.body());
        }
        long size = awaitCheckpoint(b, events, Duration.ofMinutes(60));
        double foldSeconds = (System.nanoTime() - started) / 1e9;
        b.report.add(new Row(
                NAME,
                String.format("rebuild of the log (direct fold) of %,d records", size),
                "events/s",
                Summary.of(List.of(size / foldSeconds)),
                null,
                null,
                null,
                "(information)",
                Verdict.INFO,
                String.format("%.1f s until a checkpoint of the whole tree was signed", foldSeconds)));

        List<String> records = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            long leaf = ThreadLocalRandom.current().nextLong(size);
            records.add(jdbc.queryForObject("SELECT record_id FROM log_leaf WHERE leaf_index = ?", String.class, leaf));
        }
        proofRow(
                b,
                "inclusion proof of a random record in the whole tree",
                size,
                i -> "/api/log/proof/inclusion?recordId=" + records.get((int) (i % RECORDS)) + "&size=" + size);
        proofRow(
                b,
                "consistency proof from a random earlier size to the whole tree",
                size,
                i -> "/api/log/proof/consistency?from="
                        + (1 + ThreadLocalRandom.current().nextLong(size - 1)) + "&to=" + size);
    }

    private static void proofRow(Bench b, String metric, long size, java.util.function.LongFunction<String> path)
            throws InterruptedException {
        Load.openLoop(RATE, b.mode.warmUp(), 64, i -> ReadScenario.ok(b.client.getAsync(path.apply(i))));
        List<Load.Outcome> runs = new ArrayList<>();
        for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
            Load.Outcome o = Load.openLoop(
                    RATE, b.mode.repetition(), 64, i -> ReadScenario.ok(b.client.getAsync(path.apply(i))));
            Log.info(
                    "scenario 8: %s, rep %d: p99 %.2f ms (%d failed)",
                    metric, rep, o.latency().p99(), o.failed());
            runs.add(o);
        }
        long failed = runs.stream().mapToLong(Load.Outcome::failed).sum();
        Summary p99 = Summary.of(runs.stream().map(o -> o.latency().p99()).toList());
        b.report.add(new Row(
                NAME,
                String.format("%s of %,d leaves, p99 at %.0f/s (open loop)", metric, size, RATE),
                "ms",
                p99,
                null,
                null,
                null,
                "< 10 ms",
                p99.median() < 10 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                (failed == 0 ? "" : failed + " failed; ") + "p50 "
                        + Report.number(Summary.of(runs.stream()
                                        .map(o -> o.latency().p50())
                                        .toList())
                                .median())
                        + " ms"));
    }

    /** Waits until the latest signed checkpoint covers {@code events} leaves; answers its size. */
    private static long awaitCheckpoint(Bench b, long events, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            LedgerClient.Response checkpoint = b.client.get("/api/log/checkpoint");
            if (checkpoint.status() == 200) {
                long size = checkpoint.json().path("size").asLong();
                if (size >= events) {
                    return size;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the log's checkpoint did not reach " + events + " leaves in " + atMost);
    }
}
