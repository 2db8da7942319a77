package org.ratification.ledger.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 3: time to dashboard. Writes at half the highest recording rate of scenario 1, or at {@code --dashboard-rate} (open
 * loop); for each write, the time from its acknowledgement (the 201 received) to the arrival of its
 * event at an SSE subscriber of {@code /api/events/stream}, and at a Kafka consumer of the ledger's
 * topic when LEDGER_KAFKA_BOOTSTRAP_SERVERS is set. Baseline for Kafka: raw producer-to-consumer
 * latency at the same rate on the same broker. The acknowledgement latency of the writes themselves
 * (from their scheduled instant) is reported too: it is the recording latency at that load.
 */
final class DashboardScenario {

    static final String NAME = "3 Time to dashboard";

    private DashboardScenario() {}

    /** What one repetition measured. */
    record Run(Load.Outcome writes, Arrivals sse, Arrivals kafka) {}

    static void run(Bench b) throws Exception {
        b.writes.registerTreaties(b.client);
        double rate = rate(b);
        AtomicReference<Arrivals> sse = new AtomicReference<>(new Arrivals());
        AtomicReference<Arrivals> kafka = new AtomicReference<>(new Arrivals());
        SseListener sseListener =
                SseListener.open(b.client, (id, t) -> sse.get().arrived(id, t));
        if (sseListener == null) {
            b.report.notAvailable(
                    NAME, "SSE: acknowledgement → event received", "GET /api/events/stream is not available (404)");
        }
        KafkaProbe.Listener kafkaListener = null;
        AtomicReference<byte[]> envelope = new AtomicReference<>();
        if (KafkaProbe.bootstrap().isBlank()) {
            b.report.notAvailable(
                    NAME,
                    "Kafka: acknowledgement → event consumed",
                    "Kafka is not configured (LEDGER_KAFKA_BOOTSTRAP_SERVERS)");
        } else {
            kafkaListener = new KafkaProbe.Listener(KafkaProbe.topic(), (r, t) -> {
                envelope.compareAndSet(null, r.value());
                String id = SseListener.recordId(new String(r.value(), StandardCharsets.UTF_8));
                if (id != null) {
                    kafka.get().arrived(id, t);
                }
            });
            if (!kafkaListener.awaitAssignment(Duration.ofSeconds(30))) {
                Log.warnOnce("the Kafka consumer got no partition of " + KafkaProbe.topic() + " within 30 s");
            }
        }
        boolean withKafka = kafkaListener != null;
        try {
            Log.info("scenario 3: writes at %.0f/s", rate);
            boolean withSse = sseListener != null;
            run(b, rate, b.mode.warmUp(), sse, kafka, withSse, withKafka);
            List<Run> runs = new ArrayList<>();
            for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
                Run r = run(b, rate, b.mode.repetition(), sse, kafka, withSse, withKafka);
                Log.info(
                        "scenario 3: rep %d: ack p99 %.1f ms; SSE p99 %.1f ms (%d missing); Kafka p99 %.1f ms (%d missing)",
                        rep,
                        r.writes().latency().p99(),
                        r.sse().latency().p99(),
                        r.sse().missing(),
                        r.kafka().latency().p99(),
                        r.kafka().missing());
                runs.add(r);
            }
            long failed = runs.stream().mapToLong(r -> r.writes().failed()).sum();
            Summary ack = Summary.of(
                    runs.stream().map(r -> r.writes().latency().p99()).toList());
            b.report.add(new Row(
                    NAME,
                    String.format("recording latency p99 at %.0f writes/s (open loop)", rate),
                    "ms",
                    ack,
                    null,
                    null,
                    null,
                    "(no target)",
                    Verdict.INFO,
                    (failed == 0 ? "" : failed + " writes failed; ") + "p50 "
                            + Report.number(Summary.of(runs.stream()
                                            .map(r -> r.writes().latency().p50())
                                            .toList())
                                    .median())
                            + " ms"));
            if (sseListener != null) {
                channelRow(
                        b, runs, Run::sse, "SSE: acknowledgement → event received, p99", "< 100 ms", 100, null, null);
            }
            if (withKafka) {
                List<Double> raw = new ArrayList<>();
                byte[] value = envelope.get() != null ? envelope.get() : new byte[512];
                try (KafkaProbe.Raw baseline = new KafkaProbe.Raw()) {
                    baseline.run(rate, b.mode.warmUp(), value);
                    for (int rep = 1; rep <= b.mode.repetitions(); rep++) {
                        raw.add(baseline.run(rate, b.mode.repetition(), value).p99());
                    }
                }
                channelRow(
                        b,
                        runs,
                        Run::kafka,
                        "Kafka: acknowledgement → event consumed, p99",
                        "< 150 ms",
                        150,
                        "raw Kafka producer → consumer",
                        Summary.of(raw));
            }
        } finally {
            if (sseListener != null) {
                sseListener.close();
            }
            if (kafkaListener != null) {
                kafkaListener.close();
            }
            // the big store of scenario 2 would otherwise be published to Kafka while 2 and 4 are measured
            Processors.stop(b.ledger.axon(), "kafka-publisher");
        }
    }

    private static void channelRow(
            Bench b,
            List<Run> runs,
            java.util.function.Function<Run, Arrivals> channel,
            String metric,
            String target,
            double limit,
            String baselineName,
            Summary baseline) {
        Summary p99 = Summary.of(
                runs.stream().map(r -> channel.apply(r).latency().p99()).toList());
        long missing = runs.stream().mapToLong(r -> channel.apply(r).missing()).sum();
        long early = runs.stream().mapToLong(r -> channel.apply(r).early()).sum();
        long received =
                runs.stream().mapToLong(r -> channel.apply(r).latency().count()).sum();
        b.report.add(new Row(
                NAME,
                metric,
                "ms",
                p99,
                baselineName,
                baseline,
                Report.ratio(p99, baseline),
                target,
                p99.median() < limit && missing == 0 ? Verdict.MET : Verdict.MISSED,
                String.format(
                        "%d events matched, %d before their acknowledgement (counted as 0 ms), %d not received within 5 s",
                        received, early, missing)));
    }

    private static Run run(
            Bench b,
            double rate,
            Duration duration,
            AtomicReference<Arrivals> sse,
            AtomicReference<Arrivals> kafka,
            boolean withSse,
            boolean withKafka)
            throws InterruptedException {
        Arrivals s = new Arrivals();
        Arrivals k = new Arrivals();
        sse.set(s);
        kafka.set(k);
        Load.Outcome writes = Load.openLoop(rate, duration, 512, i -> {
            Writes.Write w = b.writes.next();
            return b.client.postAsync(w.path(), w.body()).thenApply(r -> {
                long now = System.nanoTime();
                if (!r.created()) {
                    Log.warnOnce("recording answered " + r.status() + ": " + r.body());
                    return false;
                }
                String id = r.json().path("recordId").asText();
                if (withSse) {
                    s.acknowledged(id, now);
                }
                if (withKafka) {
                    k.acknowledged(id, now);
                }
                return true;
            });
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while ((s.missing() > 0 || k.missing() > 0) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return new Run(writes, s, k);
    }

    /**
     * The rate given with {@code --dashboard-rate}, else half the highest throughput of scenario 1
     * (measured briefly here if scenario 1 did not run).
     */
    private static double rate(Bench b) throws InterruptedException {
        if (b.dashboardRate != null) {
            b.report.note(
                    String.format("scenario 3 writes at the given rate, %.0f/s (--dashboard-rate)", b.dashboardRate));
            return b.dashboardRate;
        }
        if (Double.isNaN(b.maxRecordingRate)) {
            Load.Outcome o = Load.closedLoop(16, b.mode.repetition(), client -> {
                Writes.Write w = b.writes.next();
                return b.client.post(w.path(), w.body()).created();
            });
            b.maxRecordingRate = o.throughput();
            b.report.note(String.format(
                    "scenario 3 measured its own maximum recording rate (16 clients, closed loop): %.0f/s",
                    o.throughput()));
        }
        return Math.max(1, b.maxRecordingRate / 2);
    }
}
