package org.ratification.ledger.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ratification.ledger.bench.Report.Row;
import org.ratification.ledger.bench.Report.Verdict;

/**
 * Scenario 6: footprint. The service's own executable jar runs as a child JVM with a 256 MB heap
 * ({@code java -Xmx256m -jar ledger-api/target/ledger-api.jar}) on the run's database, after the
 * in-process service has stopped, and serves scenario 4's reads. Pass: it stays up and answers
 * every read. Its resident set size is sampled every 200 ms during the reads.
 */
final class FootprintScenario {

    static final String NAME = "6 Footprint";

    private FootprintScenario() {}

    static void run(
            Mode mode, Database database, Credentials credentials, Report report, Path jar, List<String> treaties)
            throws Exception {
        if (!Files.isRegularFile(jar)) {
            report.notAvailable(NAME, "256 MB heap", "no service jar at " + jar + " (build it first)");
            return;
        }
        if (treaties.isEmpty()) {
            report.notAvailable(NAME, "256 MB heap", "needs the big store of scenario 2");
            return;
        }
        int port = freePort();
        Path log = Files.createTempFile("ledger-bench-child-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java, "-Xmx256m", "-jar", jar.toAbsolutePath().toString());
        pb.environment().putAll(database.childEnvironment());
        pb.environment().putAll(credentials.childEnvironment());
        pb.environment().put("LEDGER_PORT", Integer.toString(port));
        pb.environment().put("SERVER_PORT", Integer.toString(port));
        pb.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Log.info("scenario 6: starting %s -Xmx256m -jar %s on port %d (log %s)", java, jar, port, log);
        long t0 = System.nanoTime();
        Process child = pb.start();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        AtomicLong maxRss = new AtomicLong();
        boolean keepLog = true;
        try {
            LedgerClient client = new LedgerClient(port, credentials);
            awaitUp(client, child, Duration.ofMinutes(5));
            double startSeconds = (System.nanoTime() - t0) / 1e9;
            long[] startRss = Machine.residentMegabytes(child.pid());
            Log.info("scenario 6: child up in %.1f s, RSS %d MB", startSeconds, startRss[0]);
            sampler.scheduleAtFixedRate(
                    () -> maxRss.accumulateAndGet(Machine.residentMegabytes(child.pid())[0], Math::max),
                    0,
                    200,
                    TimeUnit.MILLISECONDS);
            // a fresh JVM first compiles its hot paths at a fifth of the rate, then gets the same warm-up
            // as scenario 4 (ReadScenario.JIT_WARM_UP at half the rate, then the mode's at the full rate)
            Duration jit = mode.warmUp().multipliedBy(3);
            Log.info("scenario 6: warming the child's JIT up at %,.0f reads/s for %s", mode.readRate() / 5, jit);
            ReadScenario.mixed(mode.readRate() / 5, client, treaties, jit);
            List<ReadScenario.ReadRun> runs = ReadScenario.readRows(report, NAME, mode, client, treaties);
            sampler.shutdown();
            long[] rss = Machine.residentMegabytes(child.pid());
            boolean alive = child.isAlive();
            long failed = runs.stream().mapToLong(r -> r.all().failed()).sum();
            boolean outOfMemory = Files.readString(log).contains("OutOfMemoryError");
            boolean pass = alive && failed == 0 && !outOfMemory;
            keepLog = !pass;
            List<Double> rssValues = new ArrayList<>();
            rssValues.add((double) maxRss.get());
            report.add(new Row(
                    NAME,
                    "serves scenario 4 with -Xmx256m: RSS (max sampled during the reads)",
                    "MB",
                    Summary.of(rssValues),
                    null,
                    null,
                    null,
                    "serves every read, no OutOfMemoryError",
                    pass ? Verdict.MET : Verdict.MISSED,
                    String.format(
                            "%s; %d reads failed; started in %.1f s with RSS %d MB; RSS after %d MB, peak (VmHWM) %d MB",
                            alive ? "alive" : "DIED", failed, startSeconds, startRss[0], rss[0], rss[1])));
        } finally {
            sampler.shutdownNow();
            child.destroy();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                child.waitFor(10, TimeUnit.SECONDS);
            }
            if (keepLog) {
                Log.info("scenario 6: the child's log is kept at %s", log);
            } else {
                Files.deleteIfExists(log);
            }
        }
    }

    private static void awaitUp(LedgerClient client, Process child, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("the child service exited with " + child.exitValue());
            }
            try {
                if (client.get("/actuator/health").status() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("the child service did not come up within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
