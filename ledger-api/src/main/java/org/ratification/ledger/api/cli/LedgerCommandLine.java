package org.ratification.ledger.api.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.ratification.ledger.api.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * The command line of {@code ledger-api.jar}: {@code serve} (the default), {@code verify},
 * {@code health}, {@code import} and {@code export}. A new command is a class annotated {@code @Command}, added in
 * {@link #commandLine}; a new option is a field annotated {@code @Option} on its command.
 */
public final class LedgerCommandLine {

    /** Exit codes shared by every command; a command may add its own (verify: 1 = the chain is broken). */
    public static final int OK = 0;

    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private LedgerCommandLine() {}

    /**
     * Runs the command line. {@code serve} is given {@code startService} (the real service from
     * {@code main}, a stand-in in tests) and returns after the service has started.
     */
    public static int execute(
            String[] args, PrintStream out, PrintStream err, Function<String[], Object> startService) {
        return commandLine(out, err, startService).execute(withDefaultCommand(args));
    }

    static CommandLine commandLine(PrintStream out, PrintStream err, Function<String[], Object> startService) {
        CommandLine commandLine = new CommandLine(new Ledger());
        commandLine.addSubcommand(new ServeCommand(startService));
        commandLine.addSubcommand(new VerifyCommand());
        commandLine.addSubcommand(new HealthCommand());
        commandLine.addSubcommand(new ImportCommand());
        commandLine.addSubcommand(new ExportCommand());
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            subcommand.getCommandSpec().usageMessage().synopsisHeading("Usage: java -jar ");
        }
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(e.getMessage());
            failed.getErr().println("See 'java -jar " + failed.getCommandSpec().qualifiedName() + " --help'.");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parseResult) -> {
            failed.getErr().println(oneSentence(e));
            return FAILED;
        });
        return commandLine;
    }

    /**
     * Without a command name the service is started, as before the command line existed: every
     * argument goes to Spring ({@code --spring.profiles.active=postgres}, {@code --server.port=8081}).
     */
    static String[] withDefaultCommand(String[] args) {
        if (args.length == 0) {
            return new String[] {ServeCommand.NAME};
        }
        String first = args[0];
        boolean topLevelOption = List.of("-h", "--help", "-V", "--version").contains(first) || !first.startsWith("-");
        if (topLevelOption) {
            return args;
        }
        List<String> served = new ArrayList<>(List.of(ServeCommand.NAME));
        served.addAll(List.of(args));
        return served.toArray(String[]::new);
    }

    /** An exception as one line: its message, or its type where it has none. */
    public static String oneSentence(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int lineEnd = message.indexOf('\n');
        return lineEnd < 0 ? message : message.substring(0, lineEnd).strip();
    }

    @Command(
            name = "ledger-api.jar",
            mixinStandardHelpOptions = true,
            versionProvider = BuildVersion.class,
            synopsisHeading = "Usage: java -jar ",
            description = {
                "The ratification ledger: a treaty depositary's record of signatures and instruments.",
                "Without a command, starts the service (serve); arguments starting with -- go to Spring."
            },
            commandListHeading = "%nCommands:%n",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:success", "1:the command failed (see its --help)", "2:wrong usage"},
            footer = {"", "Run 'java -jar ledger-api.jar <command> --help' for a command's options."})
    static final class Ledger implements Runnable {

        @Spec
        CommandSpec spec;

        @Unmatched
        List<String> unknown = new ArrayList<>();

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "Unknown command '" + unknown.get(0) + "'.");
        }
    }

    /** The version of the build ({@code META-INF/build-info.properties}, written by the Maven build). */
    public static final class BuildVersion implements IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"ratification-ledger " + version()};
        }

        public static String version() throws IOException {
            try (InputStream in = BuildVersion.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in == null) {
                    return "(version unknown: not built by Maven)";
                }
                Properties build = new Properties();
                build.load(in);
                return build.getProperty("build.version", "(version unknown)");
            }
        }
    }
}
