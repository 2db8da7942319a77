package org.ratification.ledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToDoubleFunction;
import org.ratification.ledger.bench.Load.Outcome;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 1: signatures recorded through the REST API by 1, 4 and 16 closed-loop clients, each
 * write one event on one of many treaties, against baseline B1: a single-row INSERT and COMMIT of
 * the same serialized event (payload and metadata bytes copied from the ledger's table) into a
 * copy of the event table, by the same number of JDBC clients on the service's own connection pool.
 * Ledger and baseline repetitions alternate so that a change of machine load hits both alike.
 */
final class RecordingScenario {

    static final String NAME = "1 Recording";

    /** The suffix of the rows' scenario name: which service ran it (--log=both runs it twice). */
    static final String AS_CONFIGURED = "";

    static final String LOG_OFF = " (log off)";
    static final String LOG_ON = " (log on)";

    private RecordingScenario() {}

    static void run(Bench b, String variant) throws Exception {
        String name = NAME + variant;
        Log.info("scenario 1%s: registering %d treaties", variant, b.mode.recordingTreaties());
        b.writes.registerTreaties(b.client);
        EventTableCopy.create(b.dataSource(), b.database.vendor());
        Load.Operation ledger = client -> {
            Writes.Write w = b.writes.next();
            LedgerClient.Response r = b.client.post(w.path(), w.body());
            if (!r.created()) {
                Log.warnOnce("recording answered " + r.status() + ": " + r.body());
            }
            return r.created();
        };
        Load.closedLoop(2, b.mode.warmUp(), ledger);
        EventTableCopy.StoredEvent sample = EventTableCopy.sample(b.dataSource(), "ConventionSignedEvent");
        String prefix = "b1-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        AtomicLongArray sequences = new AtomicLongArray(1024);
        Load.Operation baseline = client -> {
            EventTableCopy.insert(
                    b.dataSource(),
                    sample,
                    UUID.randomUUID().toString(),
                    prefix + client,
                    sequences.getAndIncrement(client));
            return true;
        };
        double best = 0;
        for (int clients : b.mode.concurrencies()) {
            Log.info("scenario 1: %d client(s): warm-up", clients);
            Load.closedLoop(clients, b.mode.warmUp(), ledger);
            Load.closedLoop(clients, b.mode.warmUp(), baseline);
            List<Outcome> ledgerRuns = new ArrayList<>();
            List<Outcome> baselineRuns = new ArrayList<>();
            for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
                Outcome l = Load.closedLoop(clients, b.mode.repetition(), ledger);
                Outcome j = Load.closedLoop(clients, b.mode.repetition(), baseline);
                Log.info(
                        "scenario 1: %d client(s) rep %d: ledger %.0f/s p99 %.1f ms (%d failed); B1 %.0f/s p99 %.2f ms",
                        clients,
                        rep,
                        l.throughput(),
                        l.latency().p99(),
                        l.failed(),
                        j.throughput(),
                        j.latency().p99());
                ledgerRuns.add(l);
                baselineRuns.add(j);
            }
            long failed = ledgerRuns.stream().mapToLong(Outcome::failed).sum();
            String failures = failed == 0 ? "" : failed + " writes refused or failed";
            Summary lt = summary(ledgerRuns, Outcome::throughput);
            Summary bt = summary(baselineRuns, Outcome::throughput);
            Double tr = Report.ratio(lt, bt);
            b.report.add(new Row(
                    name,
                    "throughput, " + clients + " client(s), closed loop",
                    "writes/s",
                    lt,
                    "B1 JDBC insert+commit",
                    bt,
                    tr,
                    "≥ 0.40 × B1",
                    tr != null && tr >= 0.40 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                    failures));
            Summary lp = summary(ledgerRuns, o -> o.latency().p99());
            Summary bp = summary(baselineRuns, o -> o.latency().p99());
            Double pr = Report.ratio(lp, bp);
            b.report.add(new Row(
                    name,
                    "p99 latency, " + clients + " client(s)",
                    "ms",
                    lp,
                    "B1",
                    bp,
                    pr,
                    "≤ 3 × B1",
                    pr != null && pr <= 3.0 ? Verdict.MET : Verdict.MISSED,
                    "p50 ledger "
                            + Report.number(
                                    summary(ledgerRuns, o -> o.latency().p50()).median()) + " ms, B1 "
                            + Report.number(
                                    summary(baselineRuns, o -> o.latency().p50())
                                            .median()) + " ms"));
            best = Math.max(best, lt.median());
        }
        b.maxRecordingRate = best;
        b.report.run("writesRecordedInScenario1" + variant, b.writes.issued());
        EventTableCopy.drop(b.dataSource());
    }

    static Summary summary(List<Outcome> runs, ToDoubleFunction<Outcome> metric) {
        return Summary.of(runs.stream().map(o -> metric.applyAsDouble(o)).toList());
    }
}
