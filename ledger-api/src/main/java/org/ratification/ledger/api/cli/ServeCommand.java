package org.ratification.ledger.api.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** Starts the service; every argument is Spring's ({@code --spring.profiles.active=postgres}). */
@Command(
        name = ServeCommand.NAME,
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.BuildVersion.class,
        description = {
            "Starts the ledger service (the default when no command is given).",
            "Every other argument is passed to Spring Boot as it is, e.g."
                    + " --spring.profiles.active=postgres --server.port=8081;"
                    + " the LEDGER_* environment variables of the README configure it too."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the service started (it runs until stopped)",
            "1:the service could not start (the log says why)",
            "2:wrong usage"
        })
public final class ServeCommand implements Callable<Integer> {

    public static final String NAME = "serve";

    private final Function<String[], Object> startService;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    ServeCommand(Function<String[], Object> startService) {
        this.startService = startService;
    }

    @Override
    public Integer call() {
        startService.apply(springArguments.toArray(String[]::new));
        return LedgerCommandLine.OK;
    }
}
