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
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.ratification.ledger.api.imports.UntcTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Sends a published status table (UNTC layout, CSV) to a running ledger's {@code POST
 * /api/treaties/{id}/import} as the depositary, and prints the report.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.BuildVersion.class,
        description = {
            "Imports a published status table (UN Treaty Collection layout, CSV) into a treaty of a running ledger.",
            "Header: Participant,Signature,\"Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)\";"
                    + " cells such as '12 Dec 2000' or '7 Jun 2004 a'.",
            "A table with any problem records nothing; the report (JSON) is printed on standard output.",
            "The password is read from the environment variable named by --password-env, never from an argument."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported (or, with --dry-run, the table has no problem)",
            "1:the table has problems or the ledger refused it; nothing recorded unless the report says so",
            "2:wrong usage",
            "3:the file cannot be read, or the ledger cannot be reached or refused the credentials"
        })
public final class ImportCommand implements Callable<Integer> {

    public static final int UNREACHABLE = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<table.csv>", description = "The status table, a CSV file in UTF-8.")
    Path file;

    @Option(
            names = "--treaty",
            required = true,
            paramLabel = "<id>",
            description = "The treaty to import into (registered beforehand).")
    String treaty;

    @Mixin
    LedgerHttp.Address address = new LedgerHttp.Address();

    @Option(
            names = "--user",
            paramLabel = "<name>",
            description = "The depositary's user name (default: ${DEFAULT-VALUE}).")
    String user = "depositary";

    @Option(
            names = "--password-env",
            paramLabel = "<variable>",
            description = "The environment variable holding the password (default: ${DEFAULT-VALUE}).")
    String passwordVariable = "LEDGER_DEPOSITARY_PASSWORD";

    @Option(names = "--dry-run", description = "Check the table and print the report; record nothing.")
    boolean dryRun;

    private final UnaryOperator<String> environment;

    public ImportCommand() {
        this(System::getenv);
    }

    /** With another environment (tests). */
    public ImportCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        byte[] table;
        try {
            if (Files.size(file) > UntcTable.MAX_BYTES) {
                return fail(UNREACHABLE, "The file " + file + " has more than " + UntcTable.MAX_BYTES + " bytes.");
            }
            table = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return fail(UNREACHABLE, "The file " + file + " does not exist.");
        } catch (IOException e) {
            return fail(UNREACHABLE, "The file " + file + " cannot be read: " + LedgerCommandLine.oneSentence(e));
        }
        HttpResponse<String> response;
        try {
            LedgerHttp ledger = LedgerHttp.of(address, user, passwordVariable, environment);
            URI target;
            try {
                target = ledger.resolve("/api/treaties/" + URLEncoder.encode(treaty, StandardCharsets.UTF_8) + "/import"
                        + (dryRun ? "?dryRun=true" : ""));
            } catch (IllegalArgumentException e) {
                return fail(LedgerCommandLine.USAGE, "The URL " + address.url + " is not a valid address.");
            }
            response = ledger.send(
                    HttpRequest.newBuilder(target)
                            .header("Content-Type", "text/csv")
                            .header("Accept", "application/json, application/problem+json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(table)),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
                    user);
        } catch (LedgerHttp.Unreachable e) {
            return fail(UNREACHABLE, e.getMessage());
        }
        int status = response.statusCode();
        JsonNode body = json(response.body());
        if (status == 200 || status == 201) {
            spec.commandLine().getOut().println(response.body());
            boolean problems = body.path("problems").asInt(0) > 0;
            if (problems) {
                spec.commandLine()
                        .getErr()
                        .println("The table has " + body.path("problems").asInt()
                                + " problem(s); nothing was recorded.");
                return LedgerCommandLine.FAILED;
            }
            return LedgerCommandLine.OK;
        }
        if (body.has("report")) {
            spec.commandLine().getOut().println(body.get("report").toString());
        }
        return fail(
                LedgerCommandLine.FAILED,
                "The ledger refused the import (" + status + " "
                        + body.path("code").asText("?") + "): "
                        + body.path("detail").asText(""));
    }

    private int fail(int exitCode, String sentence) {
        spec.commandLine().getErr().println(sentence);
        return exitCode;
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
