package org.ratification.ledger.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 4: reads against the big store at a fixed rate (open loop, 1,000 requests per second),
 * alternating the status of a random treaty of the store and its participants table; and a
 * time-travel query on a treaty with 1,000 records ({@code ?recordedAt=} where the service offers
 * it, otherwise {@code ?asOf=}). Scenario 6 runs the same reads against a child JVM.
 */
final class ReadScenario {

    static final String NAME = "4 Reads";

    /**
     * Reads at half the rate for this long before the warm-up at the full rate, so that the JIT has
     * compiled the read path (Tomcat, the security filters, the dispatch, the HTTP client) whatever ran
     * before. Without it the reads were measured warm after scenario 1 and cold without it: at
     * 1,000/s the JIT's compiler threads then took a quarter to a third of the CPU and the reads
     * queued (bench/RESULTS.md §0g).
     */
    static final Duration JIT_WARM_UP = Duration.ofSeconds(20);

    static final String TIME_TRAVEL_TREATY = "bench-tt";

    private ReadScenario() {}

    /** What one repetition of the mixed reads measured. */
    record ReadRun(Load.Outcome all, Latency status, Latency participants) {}

    static void run(Bench b) throws Exception {
        List<String> treaties = treaties(b);
        readRows(b.report, NAME, b.mode, b.client, treaties);
        timeTravel(b);
    }

    static List<String> treaties(Bench b) throws InterruptedException {
        if (!b.bigStoreTreaties.isEmpty()) {
            return b.bigStoreTreaties;
        }
        b.report.note("scenario 4 ran without scenario 2's store: it reads scenario 1's treaties");
        b.writes.registerTreaties(b.client);
        return b.writes.treaties();
    }

    /** Runs warm-up and repetitions of the mixed reads against {@code client}; adds the rows; answers the runs. */
    static List<ReadRun> readRows(Report report, String name, Mode mode, LedgerClient client, List<String> treaties)
            throws InterruptedException {
        Log.info("%s: %,.0f reads/s over %d treaties", name, mode.readRate(), treaties.size());
        Log.info("%s: warming the JIT up at %,.0f reads/s for %s", name, mode.readRate() / 2, JIT_WARM_UP);
        mixed(mode.readRate() / 2, client, treaties, JIT_WARM_UP);
        mixed(mode.readRate(), client, treaties, mode.warmUp());
        List<ReadRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= mode.repetitions(); rep++) {
            ReadRun run = mixed(mode.readRate(), client, treaties, mode.repetition());
            Log.info(
                    "%s: rep %d: %,.0f/s achieved, status p99 %.1f ms, participants p99 %.1f ms, %d failed, %d sent late",
                    name,
                    rep,
                    run.all().throughput(),
                    run.status().p99(),
                    run.participants().p99(),
                    run.all().failed(),
                    run.all().late());
            runs.add(run);
        }
        long failed = runs.stream().mapToLong(r -> r.all().failed()).sum();
        String failures = failed == 0 ? "" : failed + " requests failed; ";
        Summary status = Summary.of(runs.stream().map(r -> r.status().p99()).toList());
        Summary participants =
                Summary.of(runs.stream().map(r -> r.participants().p99()).toList());
        Summary rate = Summary.of(runs.stream().map(r -> r.all().throughput()).toList());
        report.add(new Row(
                name,
                String.format("status p99 at %,.0f reads/s (open loop)", mode.readRate()),
                "ms",
                status,
                null,
                null,
                null,
                "< 10 ms",
                status.median() < 10 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                failures + "p50 " + Report.number(median(runs, r -> r.status().p50())) + " ms; achieved "
                        + Report.number(rate.median()) + " reads/s"));
        report.add(new Row(
                name,
                String.format("participants p99 at %,.0f reads/s (open loop)", mode.readRate()),
                "ms",
                participants,
                null,
                null,
                null,
                "< 10 ms",
                participants.median() < 10 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                failures + "p50 "
                        + Report.number(median(runs, r -> r.participants().p50())) + " ms"));
        lightLoad(report, name, mode, client, treaties);
        return runs;
    }

    /**
     * The same reads at a tenth of the rate: the latency of a read when the machine is not saturated
     * (information: it tells a slow read from a saturated machine).
     */
    private static void lightLoad(Report report, String name, Mode mode, LedgerClient client, List<String> treaties)
            throws InterruptedException {
        double rate = mode.readRate() / 10;
        List<ReadRun> runs = new ArrayList<>();
        for (int rep = 1; rep <= mode.repetitions(); rep++) {
            runs.add(mixed(rate, client, treaties, mode.repetition()));
        }
        long failed = runs.stream().mapToLong(r -> r.all().failed()).sum();
        report.add(new Row(
                name,
                String.format("status / participants p99 at %,.0f reads/s (open loop)", rate),
                "ms",
                Summary.of(runs.stream().map(r -> r.status().p99()).toList()),
                null,
                null,
                null,
                "(information)",
                Verdict.INFO,
                (failed == 0 ? "" : failed + " failed; ") + "participants p99 "
                        + Report.format(Summary.of(
                                runs.stream().map(r -> r.participants().p99()).toList()))
                        + " ms; p50 "
                        + Report.number(median(runs, r -> r.status().p50())) + " / "
                        + Report.number(median(runs, r -> r.participants().p50())) + " ms"));
    }

    static double median(List<ReadRun> runs, java.util.function.ToDoubleFunction<ReadRun> metric) {
        return Summary.of(runs.stream().map(r -> metric.applyAsDouble(r)).toList())
                .median();
    }

    static ReadRun mixed(double rate, LedgerClient client, List<String> treaties, Duration duration)
            throws InterruptedException {
        Latency status = new Latency();
        Latency participants = new Latency();
        Load.Outcome all = Load.openLoop(
                rate,
                duration,
                512,
                i -> {
                    String treaty = treaties.get(ThreadLocalRandom.current().nextInt(treaties.size()));
                    String path = i % 2 == 0 ? "/api/treaties/" + treaty : "/api/treaties/" + treaty + "/participants";
                    return ok(client.getAsync(path));
                },
                i -> i % 2 == 0 ? status : participants);
        return new ReadRun(all, status, participants);
    }

    static CompletableFuture<Boolean> ok(CompletableFuture<Integer> status) {
        return status.thenApply(code -> {
            if (code != 200) {
                Log.warnOnce("read answered " + code);
            }
            return code == 200;
        });
    }

    private static void timeTravel(Bench b) throws Exception {
        int records = b.mode.timeTravelRecords();
        Log.info("scenario 4: recording %d records on %s for the time-travel query", records, TIME_TRAVEL_TREATY);
        Fixtures.register(b.client, TIME_TRAVEL_TREATY);
        int signatures = Math.min(records - 1, Fixtures.STATES.size());
        Fixtures.writeAll(
                b.client,
                Fixtures.STATES.subList(0, signatures).stream()
                        .map(p -> new Writes.Write(
                                Fixtures.path(TIME_TRAVEL_TREATY, "signatures"), Fixtures.signature(p)))
                        .toList());
        Instant middle = Instant.now();
        int ratifications = Math.min(records - 1 - signatures, signatures);
        Fixtures.writeAll(
                b.client,
                Fixtures.STATES.subList(0, ratifications).stream()
                        .map(p -> new Writes.Write(
                                Fixtures.path(TIME_TRAVEL_TREATY, "instruments"), Fixtures.ratification(p)))
                        .toList());
        // the first signatories communicate (a communication needs an earlier action)
        Fixtures.communications(b.client, TIME_TRAVEL_TREATY, records - 1 - signatures - ratifications, false);
        boolean recordedAt = offersRecordedAt(b.client);
        String query = recordedAt
                ? "/api/treaties/" + TIME_TRAVEL_TREATY + "?recordedAt=" + middle
                : "/api/treaties/" + TIME_TRAVEL_TREATY + "?asOf=" + Fixtures.SIGNED_ON;
        LedgerClient.Response probe = b.client.get(query);
        if (probe.status() != 200) {
            throw new IllegalStateException("time-travel query answered " + probe.status() + ": " + probe.body());
        }
        Log.info("scenario 4: time travel with %s at %.0f/s", query, b.mode.timeTravelRate());
        Load.openLoop(b.mode.timeTravelRate(), b.mode.warmUp(), 64, i -> ok(b.client.getAsync(query)));
        List<Load.Outcome> runs = new ArrayList<>();
        for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
            Load.Outcome o =
                    Load.openLoop(b.mode.timeTravelRate(), b.mode.repetition(), 64, i -> ok(b.client.getAsync(query)));
            Log.info(
                    "scenario 4: time travel rep %d: p99 %.1f ms (%d failed)",
                    rep, o.latency().p99(), o.failed());
            runs.add(o);
        }
        long failed = runs.stream().mapToLong(Load.Outcome::failed).sum();
        Summary p99 = Summary.of(runs.stream().map(o -> o.latency().p99()).toList());
        b.report.add(new Row(
                NAME,
                String.format(
                        "time travel (%s) on a treaty of %,d records, p99 at %.0f/s",
                        recordedAt ? "recordedAt" : "asOf; recordedAt not offered", records, b.mode.timeTravelRate()),
                "ms",
                p99,
                null,
                null,
                null,
                "< 50 ms",
                p99.median() < 50 && failed == 0 ? Verdict.MET : Verdict.MISSED,
                (failed == 0 ? "" : failed + " failed; ") + "p50 "
                        + Report.number(Summary.of(runs.stream()
                                        .map(o -> o.latency().p50())
                                        .toList())
                                .median())
                        + " ms"));
    }

    /** Whether the service's OpenAPI description gives GET /api/treaties/{treatyId} a 'recordedAt' parameter. */
    static boolean offersRecordedAt(LedgerClient client) {
        try {
            LedgerClient.Response docs = client.get("/v3/api-docs");
            if (docs.status() != 200) {
                return false;
            }
            for (var parameter : docs.json()
                    .path("paths")
                    .path("/api/treaties/{treatyId}")
                    .path("get")
                    .path("parameters")) {
                if ("recordedAt".equals(parameter.path("name").asText())) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
