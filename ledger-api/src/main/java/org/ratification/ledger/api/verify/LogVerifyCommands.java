package org.ratification.ledger.api.verify;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.ratification.ledger.api.cli.LedgerCommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify checkpoint|inclusion|consistency|log-export}: the command line of {@link LogVerifier},
 * subcommands of {@code verify}. Each hands its arguments to {@link LogVerifier#run}.
 */
final class LogVerifyCommands {

    private LogVerifyCommands() {}

    /** What every log check shares: the signing key of the log and the running of {@link LogVerifier}. */
    abstract static class LogCheck implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--key",
                required = true,
                paramLabel = "<key>",
                description = "The log's public key, as published at GET /api/log/key.")
        Path key;

        abstract String mode();

        abstract List<String> arguments();

        @Override
        public Integer call() {
            List<String> args = new ArrayList<>(List.of(mode()));
            args.addAll(arguments());
            args.add("--key");
            args.add(key.toString());
            PrintStream out = printing(spec.commandLine().getOut());
            PrintStream err = printing(spec.commandLine().getErr());
            int code = LogVerifier.run(args.toArray(String[]::new), out, err);
            out.flush();
            err.flush();
            return code;
        }

        /** A stream onto the command line's writer (LogVerifier prints to streams, picocli to writers). */
        private static PrintStream printing(PrintWriter writer) {
            return new PrintStream(
                    new OutputStream() {
                        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                        @Override
                        public void write(int b) {
                            line.write(b);
                        }

                        @Override
                        public void flush() {
                            writer.print(line.toString(StandardCharsets.UTF_8));
                            writer.flush();
                            line.reset();
                        }
                    },
                    true,
                    StandardCharsets.UTF_8);
        }
    }

    @Command(
            name = "checkpoint",
            mixinStandardHelpOptions = true,
            versionProvider = LedgerCommandLine.BuildVersion.class,
            description = "Checks a checkpoint's signature (GET /api/log/checkpoint, saved to a file).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the check passed",
                "1:the check failed (the report says where)",
                "2:wrong usage, or a file cannot be read"
            })
    static final class Checkpoint extends LogCheck {

        @Parameters(index = "0", paramLabel = "<checkpoint.json>", description = "The saved checkpoint.")
        Path checkpoint;

        @Override
        String mode() {
            return "checkpoint";
        }

        @Override
        List<String> arguments() {
            return List.of(checkpoint.toString());
        }
    }

    @Command(
            name = "inclusion",
            mixinStandardHelpOptions = true,
            versionProvider = LedgerCommandLine.BuildVersion.class,
            description = "Checks an inclusion proof (GET /api/log/proof/inclusion) against a signed checkpoint.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the check passed",
                "1:the check failed (the report says where)",
                "2:wrong usage, or a file cannot be read"
            })
    static final class Inclusion extends LogCheck {

        @Parameters(index = "0", paramLabel = "<proof.json>", description = "The saved inclusion proof.")
        Path proof;

        @Option(names = "--checkpoint", required = true, paramLabel = "<checkpoint.json>")
        Path checkpoint;

        @Override
        String mode() {
            return "inclusion";
        }

        @Override
        List<String> arguments() {
            return List.of(proof.toString(), "--checkpoint", checkpoint.toString());
        }
    }

    @Command(
            name = "consistency",
            mixinStandardHelpOptions = true,
            versionProvider = LedgerCommandLine.BuildVersion.class,
            description = "Checks that a newer checkpoint extends an older one (GET /api/log/proof/consistency).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the check passed",
                "1:the check failed (the report says where)",
                "2:wrong usage, or a file cannot be read"
            })
    static final class Consistency extends LogCheck {

        @Parameters(index = "0", paramLabel = "<proof.json>", description = "The saved consistency proof.")
        Path proof;

        @Option(names = "--old", required = true, paramLabel = "<checkpoint.json>")
        Path older;

        @Option(names = "--new", required = true, paramLabel = "<checkpoint.json>")
        Path newer;

        @Override
        String mode() {
            return "consistency";
        }

        @Override
        List<String> arguments() {
            return List.of(proof.toString(), "--old", older.toString(), "--new", newer.toString());
        }
    }

    @Command(
            name = "log-export",
            mixinStandardHelpOptions = true,
            versionProvider = LedgerCommandLine.BuildVersion.class,
            description = "Recomputes the log's root from an export of its leaves (GET /api/log/leaves) and"
                    + " compares it with a signed checkpoint; names the first leaf that differs.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the check passed",
                "1:the check failed (the report says where)",
                "2:wrong usage, or a file cannot be read"
            })
    static final class LogExport extends LogCheck {

        @Parameters(index = "0", paramLabel = "<leaves.ndjson>", description = "The exported leaves.")
        Path leaves;

        @Option(names = "--checkpoint", required = true, paramLabel = "<checkpoint.json>")
        Path checkpoint;

        @Override
        String mode() {
            return "log-export";
        }

        @Override
        List<String> arguments() {
            return List.of(leaves.toString(), "--checkpoint", checkpoint.toString());
        }
    }
}
