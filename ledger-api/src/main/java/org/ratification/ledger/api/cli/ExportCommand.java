package org.ratification.ledger.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a treaty's status table (UNTC layout, CSV, public) or its full history (JSON Lines, for
 * auditors and the offline verifier) from a running ledger, byte for byte as the ledger sent it.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.BuildVersion.class,
        description = {
            "Exports a treaty from a running ledger, byte for byte: --layout untc (default) the status table in the"
                    + " UN Treaty Collection layout (CSV, public, the layout 'import' reads); --layout history the"
                    + " full history as JSON Lines (an auditor's; the input of 'verify').",
            "For the history the password is read from the environment variable named by --password-env, never"
                    + " from an argument."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "1:the ledger refused the export (e.g. unknown treaty); nothing written",
            "2:wrong usage",
            "3:the ledger cannot be reached or refused the credentials, or the output cannot be written"
        })
public final class ExportCommand implements Callable<Integer> {

    /** What to export. */
    public enum Layout {
        untc,
        history
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--treaty", required = true, paramLabel = "<id>", description = "The treaty to export.")
    String treaty;

    @Option(names = "--layout", paramLabel = "<layout>", description = "untc or history (default: ${DEFAULT-VALUE}).")
    Layout layout = Layout.untc;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "<file>",
            description = "The file to write (replaced if it exists); default: standard output.")
    Path output;

    @Mixin
    LedgerHttp.Address address = new LedgerHttp.Address();

    @Option(
            names = "--user",
            paramLabel = "<name>",
            description = "For the history: the auditor's user name (default: ${DEFAULT-VALUE}).")
    String user = "auditor";

    @Option(
            names = "--password-env",
            paramLabel = "<variable>",
            description = "For the history: the environment variable holding the password (default: ${DEFAULT-VALUE}).")
    String passwordVariable = "LEDGER_AUDITOR_PASSWORD";

    private final UnaryOperator<String> environment;

    public ExportCommand() {
        this(System::getenv);
    }

    /** With another environment (tests). */
    public ExportCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        boolean history = layout == Layout.history;
        String path = "/api/treaties/" + URLEncoder.encode(treaty, StandardCharsets.UTF_8)
                + (history ? "/history" : "/participants?layout=untc");
        HttpResponse<byte[]> response;
        try {
            LedgerHttp ledger = LedgerHttp.of(address, user, history ? passwordVariable : null, environment);
            URI target;
            try {
                target = ledger.resolve(path);
            } catch (IllegalArgumentException e) {
                return fail(LedgerCommandLine.USAGE, "The URL " + address.url + " is not a valid address.");
            }
            response = ledger.send(
                    HttpRequest.newBuilder(target)
                            .header(
                                    "Accept",
                                    (history ? "application/x-ndjson" : "text/csv") + ", application/problem+json")
                            .GET(),
                    HttpResponse.BodyHandlers.ofByteArray(),
                    history ? user : "anonymous");
        } catch (LedgerHttp.Unreachable e) {
            return fail(ImportCommand.UNREACHABLE, e.getMessage());
        }
        if (response.statusCode() != 200) {
            JsonNode problem = problem(response.body());
            return fail(
                    LedgerCommandLine.FAILED,
                    "The ledger refused the export (" + response.statusCode() + " "
                            + problem.path("code").asText("?") + "): "
                            + problem.path("detail").asText(""));
        }
        if (output == null) {
            spec.commandLine().getOut().print(new String(response.body(), StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return LedgerCommandLine.OK;
        }
        try {
            Files.write(output, response.body());
        } catch (IOException e) {
            return fail(
                    ImportCommand.UNREACHABLE,
                    "The file " + output + " cannot be written: " + LedgerCommandLine.oneSentence(e));
        }
        spec.commandLine()
                .getErr()
                .println("Wrote " + response.body().length + " bytes of treaty " + treaty + " (" + layout + ") to "
                        + output + ".");
        return LedgerCommandLine.OK;
    }

    private int fail(int exitCode, String sentence) {
        spec.commandLine().getErr().println(sentence);
        return exitCode;
    }

    private static JsonNode problem(byte[] body) {
        try {
            return JSON.readTree(body == null || body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
