package org.ratification.ledger.api.verify;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.ratification.ledger.api.cli.LedgerCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code verify <history.ndjson> [--as-of YYYY-MM-DD] [--expected-head <hash>]}: the command line of {@link OfflineVerifier}. */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.BuildVersion.class,
        description = {
            "Verifies an exported history of a treaty, without the service.",
            "The export is GET /api/treaties/{id}/history with Accept: application/x-ndjson."
                    + " Every record's hash and the chain are recomputed, and the status table the export"
                    + " proves; the report is printed as JSON."
        },
        subcommands = {
            LogVerifyCommands.Checkpoint.class,
            LogVerifyCommands.Inclusion.class,
            LogVerifyCommands.Consistency.class,
            LogVerifyCommands.LogExport.class
        },
        commandListHeading = "%nChecks of the verifiable log (docs/LOG.md):%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the chain is valid (and the expected head, if given, is one of its records)",
            "1:the chain is broken (the report names the first broken record), or the expected head is not in it",
            "2:wrong usage, or the file cannot be read"
        })
public final class VerifyCommand implements Callable<Integer> {

    /** Exit code: the export was read and its chain is broken. */
    public static final int BROKEN = 1;

    @Spec
    CommandSpec spec;

    // optional for picocli, so that the log checks (subcommands) run without it; required below
    @Parameters(index = "0", arity = "0..1", paramLabel = "<history.ndjson>", description = "The exported history.")
    Path export;

    @Option(
            names = "--as-of",
            paramLabel = "<YYYY-MM-DD>",
            description = "Date of the recomputed status (default: today, UTC).")
    LocalDate asOf;

    @Option(
            names = "--expected-head",
            paramLabel = "<hash>",
            description = "A head hash kept from a notification or an earlier status: the export must contain it"
                    + " (tells a chain cut after its last records).")
    String expectedHead;

    @Override
    public Integer call() {
        if (export == null) {
            spec.commandLine().getErr().println("Missing required parameter: '<history.ndjson>'");
            spec.commandLine().getErr().println("See 'java -jar ledger-api.jar verify --help'.");
            return LedgerCommandLine.USAGE;
        }
        if (!Files.isRegularFile(export)) {
            return unusable(Files.exists(export) ? "Not a file: " + export : "No such file: " + export);
        }
        if (expectedHead != null && !OfflineVerifier.isHash(expectedHead)) {
            return unusable("The expected head must be a SHA-256 hash written as 64 hexadecimal digits.");
        }
        OfflineVerifier.Report report;
        try {
            report = OfflineVerifier.verify(export, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC), expectedHead);
        } catch (AccessDeniedException e) {
            return unusable("Cannot read " + export + ": permission denied.");
        } catch (NoSuchFileException e) {
            return unusable("No such file: " + export);
        } catch (IOException | RuntimeException e) {
            return unusable("Cannot verify " + export + ": " + LedgerCommandLine.oneSentence(e));
        }
        spec.commandLine().getOut().println(OfflineVerifier.json(report));
        return report.valid() ? LedgerCommandLine.OK : BROKEN;
    }

    private int unusable(String sentence) {
        spec.commandLine().getErr().println(sentence);
        return LedgerCommandLine.USAGE;
    }
}
