package org.ratification.ledger.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar bench/target/bench.jar --db h2|postgresql --quick|--full}: starts the ledger
 * in-process on a fresh database, runs the scenarios with their baselines and writes the results
 * to {@code bench/results/} as Markdown and JSON.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks the ratification ledger against raw baselines measured in the same run.")
public final class BenchMain implements Callable<Integer> {

    @Option(
            names = "--db",
            defaultValue = "h2",
            description = "h2 (embedded default, fresh file database in a temporary directory) or postgresql"
                    + " (the postgres profile on a fresh database ledger_bench_<timestamp>, dropped after the run;"
                    + " server and user from LEDGER_DB_URL/LEDGER_DB_USER/LEDGER_DB_PASSWORD, default"
                    + " 127.0.0.1:5432 user postgres). Default: ${DEFAULT-VALUE}.")
    String db;

    static final class Size {
        @Option(
                names = "--quick",
                description = "Small store (100,000 events), 3 s repetitions: about 10 minutes (default).")
        boolean quick;

        @Option(names = "--full", description = "Big store (1,000,000 events), 10 s repetitions.")
        boolean full;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Size size = new Size();

    @Option(
            names = "--scenarios",
            split = ",",
            defaultValue = "1,2,3,4,5,6,7,8",
            description = "Scenarios to run (default: all). 4 and 8 need 2's store; 3 uses 1's rate.")
    List<Integer> scenarios;

    @Option(names = "--events", description = "Events in the big store (overrides the mode's size).")
    Integer events;

    @Option(
            names = "--warm-up",
            description = "Seconds of warm-up before each measured series (overrides the mode's; the JIT"
                    + " compiles for minutes on 2 cores, so steady-state figures need more than the default).")
    Integer warmUpSeconds;

    @Option(
            names = "--dashboard-rate",
            description = "Writes per second of scenario 3 (default: half the highest rate of scenario 1), so that"
                    + " runs of different code can be compared at one rate.")
    Double dashboardRate;

    @Option(
            names = "--repetitions",
            description = "Measured repetitions per metric (default 5, at least 5 for a median).")
    Integer repetitions;

    @Option(
            names = "--out",
            defaultValue = "bench/results",
            description = "Directory of the results (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(
            names = "--service-jar",
            defaultValue = "ledger-api/target/ledger-api.jar",
            description = "The service's executable jar, run as a child JVM in scenario 6 (default: ${DEFAULT-VALUE}).")
    Path serviceJar;

    @Option(
            names = "--service-arg",
            description = "Extra Spring argument for the service under test, e.g."
                    + " --service-arg=--axon.eventhandling.processors.status.mode=tracking (tuning experiments;"
                    + " recorded in the results).")
    List<String> serviceArgs = new ArrayList<>();

    @Option(
            names = "--kafka",
            defaultValue = "auto",
            description = "auto: the broker of LEDGER_KAFKA_BOOTSTRAP_SERVERS if set, else a KRaft broker started in"
                    + " the benchmark's JVM; none: scenario 3 without Kafka. Default: ${DEFAULT-VALUE}.")
    String kafka;

    @Option(
            names = "--log",
            defaultValue = "on",
            description = "The verifiable log of the service under test: on, off (ledger.log.enabled=false; scenario 8"
                    + " is skipped), or both: scenario 1 on two services side by side in this JVM, one with the log"
                    + " off and one with it on, each on its own fresh database, warmed up alike, their repetitions"
                    + " alternating (log off, log on, B1), with the log's share of a recording's time per client"
                    + " count; the other scenarios on the service with the log on. Default: ${DEFAULT-VALUE}.")
    String log;

    @Option(
            names = "--hold",
            defaultValue = "0",
            description = "Keep the in-process service up this many seconds after its scenarios (for profiling).")
    int holdSeconds;

    public static void main(String[] args) {
        // The service's yml key axon.update-check.disabled is not the one Axon 4.12 reads; this is.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Mode mode = size.full ? Mode.full() : Mode.quick();
        if (events != null) {
            mode = mode.withReplayEvents(events);
        }
        if (repetitions != null) {
            mode = mode.withRepetitions(repetitions);
        }
        if (warmUpSeconds != null) {
            mode = mode.withWarmUp(java.time.Duration.ofSeconds(warmUpSeconds));
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Report report = new Report();
        report.run("startedAt", started.toString());
        report.run("mode", mode.name());
        report.run("repetitions", mode.repetitions());
        report.run("scenarios", scenarios);
        if (!serviceArgs.isEmpty()) {
            report.run("serviceArguments", serviceArgs);
        }
        report.run("machine", Machine.describe());
        report.run("loadAverageAtStart", Machine.loadAverage());
        if (!List.of("on", "off", "both").contains(log)) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--log is on, off or both, not '" + log + "'");
        }
        report.run("log", log);
        Credentials credentials = Credentials.fromEnvironment();
        List<Path> written = new ArrayList<>();
        boolean withKafka = !"none".equals(kafka) && (scenarios.contains(3));
        try (Database database = Database.create(db);
                AutoCloseable broker = withKafka ? KafkaProbe.embeddedBrokerUnlessGiven() : () -> {}) {
            report.run("database", database.vendor());
            List<String> arguments = new ArrayList<>(serviceArgs);
            if (withKafka) {
                report.run("kafka", KafkaProbe.bootstrap());
                arguments.add("--ledger.kafka.bootstrap-servers=" + KafkaProbe.bootstrap());
                arguments.add("--ledger.kafka.topic=" + KafkaProbe.topic());
            }
            Writes writes = new Writes(mode.recordingTreaties());
            if ("off".equals(log)) {
                arguments.add("--ledger.log.enabled=false");
            }
            InProcessLedger ledger = InProcessLedger.start(database, credentials, arguments);
            List<String> bigStore;
            try {
                report.run("databaseProduct", product(ledger));
                Bench bench = new Bench(mode, database, credentials, report, ledger, writes);
                bench.dashboardRate = dashboardRate;
                if (scenarios.contains(1) && "both".equals(log)) {
                    List<String> withoutLog = new ArrayList<>(arguments);
                    withoutLog.add("--ledger.log.enabled=false");
                    try (Database offDatabase = Database.create(db);
                            InProcessLedger off = InProcessLedger.start(offDatabase, credentials, withoutLog)) {
                        RecordingScenario.runPaired(
                                new Bench(
                                        mode,
                                        offDatabase,
                                        credentials,
                                        report,
                                        off,
                                        new Writes(mode.recordingTreaties())),
                                bench);
                    }
                } else if (scenarios.contains(1)) {
                    RecordingScenario.run(bench, RecordingScenario.AS_CONFIGURED);
                }
                if (scenarios.contains(3)) {
                    DashboardScenario.run(bench);
                }
                if (scenarios.contains(2)) {
                    ReplayScenario.run(bench);
                }
                // the log right after the copy of scenario 2: the copied events have no leaves yet, and a
                // recording in between would take a leaf before them (a fold in global order then differs
                // from the signed checkpoints, and the log refuses it, as it must)
                if (scenarios.contains(8) && "off".equals(log)) {
                    report.note("scenario 8 skipped: --log=off");
                } else if (scenarios.contains(8)) {
                    LogProofScenario.run(bench);
                }
                if (scenarios.contains(4)) {
                    ReadScenario.run(bench);
                }
                // after the log's fold: this scenario too copies events behind the ledger's back (and then
                // records, so leaves are signed after events that have none)
                if (scenarios.contains(5)) {
                    AggregateLoadScenario.run(bench);
                }
                bigStore = bench.bigStoreTreaties;
                if (holdSeconds > 0) {
                    Log.info(
                            "holding the service on http://127.0.0.1:%d for %d s (treaties e.g. %s)",
                            ledger.port(), holdSeconds, bigStore.isEmpty() ? "-" : bigStore.get(0));
                    Thread.sleep(holdSeconds * 1000L);
                }
            } finally {
                ledger.close();
            }
            if (scenarios.contains(6)) {
                FootprintScenario.run(mode, database, credentials, report, serviceJar, bigStore);
            }
            if (scenarios.contains(7)) {
                StorageEngineScenario.run(mode, db, report);
            }
            report.run("loadAverageAtEnd", Machine.loadAverage());
        } catch (Exception e) {
            report.note("run aborted: " + e);
            e.printStackTrace();
            written.addAll(write(report, started, mode));
            throw e;
        }
        written.addAll(write(report, started, mode));
        System.out.println();
        System.out.println(report.markdown());
        written.forEach(p -> Log.info("wrote %s", p));
        return 0;
    }

    private List<Path> write(Report report, Instant started, Mode mode) throws java.io.IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(started);
        return report.write(out, stamp + "-" + db + "-" + mode.name(), "latest-" + db + "-" + mode.name());
    }

    private static String product(InProcessLedger ledger) throws Exception {
        try (Connection c = ledger.dataSource().getConnection()) {
            DatabaseMetaData m = c.getMetaData();
            return m.getDatabaseProductName() + " " + m.getDatabaseProductVersion();
        }
    }
}
