package org.ratification.ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line run in-process, with its output captured and the service replaced by a recorder. */
class LedgerCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<List<String>> started = new ArrayList<>();

    private int run(String... args) {
        return LedgerCommandLine.execute(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                springArguments -> {
                    started.add(List.of(springArguments));
                    return null;
                });
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommandAndTheExitCodesAndStartsNoService() {
        assertThat(run("--help")).isZero();
        assertThat(out())
                .contains("Usage: java -jar ledger-api.jar")
                .contains("serve", "verify", "health", "import", "export")
                .contains("Exit codes:");
        assertThat(err()).isEmpty();
        assertThat(started).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "verify", "health", "import", "export"})
    void everyCommandHasAHelpWithItsExitCodes(String command) {
        assertThat(run(command, "--help")).isZero();
        assertThat(out())
                .contains("Usage: java -jar ledger-api.jar " + command)
                .contains("Exit codes:")
                .contains("  0   ")
                .contains("  2   wrong usage");
        assertThat(started).isEmpty();
        out.reset();
        assertThat(run("help", command)).as("help <command>").isZero();
        assertThat(out()).contains("Usage: java -jar ledger-api.jar " + command);
    }

    @Test
    void versionIsTheBuildsVersion() {
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("ratification-ledger ");
        assertThat(started).isEmpty();
    }

    @Test
    void withoutACommandTheServiceStartsWithEverySpringArgument() {
        assertThat(run()).isZero();
        assertThat(run("--spring.profiles.active=postgres", "--server.port=8081"))
                .isZero();
        assertThat(run("serve", "--server.port=8082")).isZero();
        assertThat(started)
                .containsExactly(
                        List.of(),
                        List.of("--spring.profiles.active=postgres", "--server.port=8081"),
                        List.of("--server.port=8082"));
        assertThat(err()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageErrorAndStartsNothing() {
        assertThat(run("verfy", "history.ndjson")).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(err()).startsWith("Unknown command 'verfy'.").contains("--help");
        assertThat(started).isEmpty();
    }

    @Test
    void aMissingFileIsOneSentenceNamingThePathOnce(@TempDir Path directory) {
        Path missing = directory.resolve("cybercrime.ndjson");
        assertThat(run("verify", missing.toString())).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(err()).isEqualTo("No such file: " + missing + System.lineSeparator());
        assertThat(out()).isEmpty();
    }

    @Test
    void verifyWithoutAFileOrWithABadDateIsAUsageError() {
        assertThat(run("verify")).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(err()).contains("<history.ndjson>").contains("verify --help").doesNotContain("Exception");
        err.reset();
        assertThat(run("verify", "x.ndjson", "--as-of", "2026-13-01")).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(err()).contains("--as-of").doesNotContain("\tat ");
    }

    @Test
    void aFileThatIsNoExportIsOneSentence(@TempDir Path directory) throws IOException {
        Path garbage = Files.writeString(directory.resolve("notes.txt"), "not json at all\n");
        assertThat(run("verify", garbage.toString())).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(err()).startsWith("Cannot verify " + garbage + ": ");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void healthAnswersZeroOnlyWhenTheServiceIsReady() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        int[] status = {200};
        server.createContext("/actuator/health/readiness", exchange -> {
            exchange.sendResponseHeaders(status[0], -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/actuator/health/readiness";
            assertThat(run("health", "--url", url)).isZero();
            status[0] = 503;
            assertThat(run("health", "--url", url)).isEqualTo(LedgerCommandLine.FAILED);
            assertThat(err()).isEqualTo("Not ready: " + url + " answered 503." + System.lineSeparator());
        } finally {
            server.stop(0);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        err.reset();
        assertThat(run("health", "--url", "http://127.0.0.1:" + closedPort + "/actuator/health/readiness"))
                .isEqualTo(LedgerCommandLine.FAILED);
        assertThat(err()).contains("nothing listens there");
        assertThat(started).isEmpty();
    }
}
