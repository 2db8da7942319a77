package org.ratification.ledger.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ratification.ledger.api.ApiTestSupport;
import org.ratification.ledger.api.verify.VerifyCommand;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import picocli.CommandLine;

/**
 * The jar's {@code export} command writes exactly what the API serves: the status table in the UNTC
 * layout (public) and the full history as JSON Lines (an auditor's), which {@code verify} accepts.
 */
class ExportCommandApiTest extends ApiTestSupport {

    @LocalServerPort
    int port;

    @Value("${ledger.security.auditor-password:}")
    String auditorPassword;

    @Autowired
    TestRestTemplate rest;

    record Run(int exit, String out, String err) {}

    private static Run cli(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new ExportCommand(env::get));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private byte[] served(String path, String accept, boolean auditor) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Accept", accept);
        if (auditor) {
            headers.setBasicAuth("auditor", auditorPassword);
        }
        var response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    @Test
    void theTableAndTheHistoryAreWrittenByteForByteAndTheHistoryVerifies(@TempDir Path dir) throws Exception {
        String treaty = registerTreaty(3, 30, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertThat(ratify(treaty, "DEU", "2025-10-25", "2025-11-03").status()).isEqualTo(201);
        Map<String, String> env = Map.of("LEDGER_AUDITOR_PASSWORD", auditorPassword, "LEDGER_PORT", "" + port);

        Path table = dir.resolve("table.csv");
        Run untc = cli(env, "--treaty", treaty, "-o", table.toString());
        assertThat(untc.exit()).as(untc.err()).isZero();
        byte[] servedTable = served("/api/treaties/" + treaty + "/participants?layout=untc", "text/csv", false);
        assertThat(Files.readAllBytes(table)).isEqualTo(servedTable);
        assertThat(new String(servedTable, StandardCharsets.UTF_8)).contains("France", "Germany");

        Run toStdout = cli(env, "--treaty", treaty);
        assertThat(toStdout.exit()).isZero();
        assertThat(toStdout.out()).isEqualTo(new String(servedTable, StandardCharsets.UTF_8));

        Path history = dir.resolve("history.ndjson");
        Run full = cli(env, "--treaty", treaty, "--layout", "history", "--output", history.toString());
        assertThat(full.exit()).as(full.err()).isZero();
        assertThat(Files.readAllBytes(history))
                .isEqualTo(served("/api/treaties/" + treaty + "/history", "application/x-ndjson", true));
        assertThat(Files.readAllLines(history)).hasSize(4);
        CommandLine verify = new CommandLine(new VerifyCommand());
        verify.setOut(new PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(verify.execute(history.toString())).isZero();
    }

    @Test
    void refusalsAndUnreachableLedgersAreOneSentenceWithTheirExitCodes(@TempDir Path dir) {
        String treaty = registerTreaty(3, 30, 30, false);
        Map<String, String> env = Map.of("LEDGER_AUDITOR_PASSWORD", "wrong", "LEDGER_PORT", "" + port);

        Run unknown = cli(env, "--treaty", "no-such-treaty");
        assertThat(unknown.exit()).isEqualTo(LedgerCommandLine.FAILED);
        assertThat(unknown.err().strip()).contains("404", "TREATY_NOT_FOUND").doesNotContain("\n");

        Run refused = cli(env, "--treaty", treaty, "--layout", "history");
        assertThat(refused.exit()).isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(refused.err().strip()).isEqualTo("The ledger refused the credentials of 'auditor' (401).");

        Run noPassword = cli(Map.of(), "--treaty", treaty, "--layout", "history", "--url", "http://localhost:" + port);
        assertThat(noPassword.exit()).isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(noPassword.err()).contains("LEDGER_AUDITOR_PASSWORD");

        Run nobody = cli(env, "--treaty", treaty, "--url", "http://localhost:1");
        assertThat(nobody.exit()).isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(nobody.err().strip()).isEqualTo("No answer from http://localhost:1: nothing listens there.");

        Path unwritable = dir.resolve("missing-directory").resolve("table.csv");
        Run notWritten = cli(env, "--treaty", treaty, "-o", unwritable.toString());
        assertThat(notWritten.exit()).isEqualTo(ImportCommand.UNREACHABLE);
        assertThat(notWritten.err()).contains("cannot be written");

        assertThat(cli(env, "--layout", "untc").exit()).as("no treaty").isEqualTo(LedgerCommandLine.USAGE);
        assertThat(cli(env, "--treaty", treaty, "--layout", "pdf").exit()).isEqualTo(LedgerCommandLine.USAGE);
        assertThat(Files.exists(unwritable)).isFalse();
    }
}
