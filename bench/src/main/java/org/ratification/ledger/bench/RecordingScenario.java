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
        Load.Operation ledger = recording(b);
        Load.closedLoop(2, b.mode.warmUp(), ledger);
        Load.Operation baseline = baseline(b);
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
            best = Math.max(best, rows(b.report, name, clients, ledgerRuns, baselineRuns));
        }
        b.maxRecordingRate = best;
        b.report.run("writesRecordedInScenario1" + variant, b.writes.issued());
        EventTableCopy.drop(b.dataSource());
    }

    /** The log's target: appending to the log adds at most this share to a recording's time (issue 17). */
    static final double LOG_SHARE_TARGET = 1.10;

    /**
     * {@code --log=both}: the same scenario on two services running side by side in this JVM, one with
     * the log off and one with it on, each on its own fresh database. Both are warmed up alike, and each
     * repetition runs log off, log on (in turn the other way round) and B1 back to back, so that the JIT,
     * the machine's load and the stores' growth hit both alike. Besides each service's rows it reports
     * the log's share: the time of a recording with the log over the time without it, per repetition pair.
     */
    static void runPaired(Bench off, Bench on) throws Exception {
        Log.info(
                "scenario 1 (log off / on, side by side): registering %d treaties on each",
                on.mode.recordingTreaties());
        off.writes.registerTreaties(off.client);
        on.writes.registerTreaties(on.client);
        EventTableCopy.create(on.dataSource(), on.database.vendor());
        Load.Operation withoutLog = recording(off);
        Load.Operation withLog = recording(on);
        Load.closedLoop(2, on.mode.warmUp(), withoutLog);
        Load.closedLoop(2, on.mode.warmUp(), withLog);
        Load.closedLoop(2, on.mode.warmUp(), withoutLog);
        Load.closedLoop(2, on.mode.warmUp(), withLog);
        Load.Operation baseline = baseline(on);
        double best = 0;
        for (int clients : on.mode.concurrencies()) {
            Log.info("scenario 1: %d client(s): warm-up (log off, log on, B1)", clients);
            Load.closedLoop(clients, on.mode.warmUp(), withoutLog);
            Load.closedLoop(clients, on.mode.warmUp(), withLog);
            Load.closedLoop(clients, on.mode.warmUp(), baseline);
            List<Outcome> offRuns = new ArrayList<>();
            List<Outcome> onRuns = new ArrayList<>();
            List<Outcome> baselineRuns = new ArrayList<>();
            for (int rep = 1; rep <= on.mode.repetitions(); rep++) {
                Outcome o;
                Outcome l;
                if (rep % 2 == 1) {
                    o = Load.closedLoop(clients, on.mode.repetition(), withoutLog);
                    l = Load.closedLoop(clients, on.mode.repetition(), withLog);
                } else {
                    l = Load.closedLoop(clients, on.mode.repetition(), withLog);
                    o = Load.closedLoop(clients, on.mode.repetition(), withoutLog);
                }
                Outcome j = Load.closedLoop(clients, on.mode.repetition(), baseline);
                Log.info(
                        "scenario 1: %d client(s) rep %d: log off %.0f/s, log on %.0f/s (x%.3f), B1 %.0f/s; load %s",
                        clients,
                        rep,
                        o.throughput(),
                        l.throughput(),
                        o.throughput() / l.throughput(),
                        j.throughput(),
                        Machine.loadAverage());
                offRuns.add(o);
                onRuns.add(l);
                baselineRuns.add(j);
            }
            rows(off.report, NAME + LOG_OFF, clients, offRuns, baselineRuns);
            best = Math.max(best, rows(on.report, NAME + LOG_ON, clients, onRuns, baselineRuns));
            logShare(on.report, clients, offRuns, onRuns);
        }
        on.maxRecordingRate = best;
        on.report.run("writesRecordedInScenario1" + LOG_OFF, off.writes.issued());
        on.report.run("writesRecordedInScenario1" + LOG_ON, on.writes.issued());
        EventTableCopy.drop(on.dataSource());
    }

    /**
     * The log's share at one client count: the mean time of a recording with the log over the time
     * without it (closed loop: time = clients / throughput), the median of the repetitions' pairs.
     */
    private static void logShare(Report report, int clients, List<Outcome> offRuns, List<Outcome> onRuns) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < offRuns.size(); i++) {
            ratios.add(offRuns.get(i).throughput() / onRuns.get(i).throughput());
        }
        Summary share = Summary.of(ratios);
        Summary onTime = summary(onRuns, o -> 1_000.0 * clients / o.throughput());
        Summary offTime = summary(offRuns, o -> 1_000.0 * clients / o.throughput());
        long failed = offRuns.stream().mapToLong(Outcome::failed).sum()
                + onRuns.stream().mapToLong(Outcome::failed).sum();
        Double p50 = Report.ratio(summary(onRuns, o -> o.latency().p50()), summary(offRuns, o -> o.latency()
                .p50()));
        report.add(new Row(
                NAME + " (log share)",
                "time per recording, log on / log off, " + clients + " client(s)",
                "ms",
                onTime,
                "log off",
                offTime,
                share.median(),
                "≤ " + LOG_SHARE_TARGET + " × log off",
                !share.isMissing() && share.median() <= LOG_SHARE_TARGET && failed == 0 ? Verdict.MET : Verdict.MISSED,
                "ratio: median of " + share.repetitions() + " paired repetitions (" + Report.format(share)
                        + "); p50 latency on/off " + (p50 == null ? "–" : Report.ratioText(p50))
                        + (failed == 0 ? "" : "; " + failed + " writes refused or failed")));
    }

    private static Load.Operation recording(Bench b) {
        return client -> {
            Writes.Write w = b.writes.next();
            LedgerClient.Response r = b.client.post(w.path(), w.body());
            if (!r.created()) {
                Log.warnOnce("recording answered " + r.status() + ": " + r.body());
            }
            return r.created();
        };
    }

    /** B1 on the service's pool, into a copy of its event table (which must exist). */
    private static Load.Operation baseline(Bench b) throws Exception {
        EventTableCopy.StoredEvent sample = EventTableCopy.sample(b.dataSource(), "ConventionSignedEvent");
        String prefix = "b1-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        AtomicLongArray sequences = new AtomicLongArray(1024);
        return client -> {
            EventTableCopy.insert(
                    b.dataSource(),
                    sample,
                    UUID.randomUUID().toString(),
                    prefix + client,
                    sequences.getAndIncrement(client));
            return true;
        };
    }

    /** The throughput and p99 rows of one service against B1; returns its median throughput. */
    private static double rows(
            Report report, String name, int clients, List<Outcome> ledgerRuns, List<Outcome> baselineRuns) {
        long failed = ledgerRuns.stream().mapToLong(Outcome::failed).sum();
        String failures = failed == 0 ? "" : failed + " writes refused or failed";
        Summary lt = summary(ledgerRuns, Outcome::throughput);
        Summary bt = summary(baselineRuns, Outcome::throughput);
        Double tr = Report.ratio(lt, bt);
        report.add(new Row(
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
        report.add(new Row(
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
                                summary(baselineRuns, o -> o.latency().p50()).median()) + " ms"));
        return lt.median();
    }

    static Summary summary(List<Outcome> runs, ToDoubleFunction<Outcome> metric) {
        return Summary.of(runs.stream().map(o -> metric.applyAsDouble(o)).toList());
    }
}
