package org.ratification.ledger.api.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Asks a running service whether it is ready; the container's health check, so that the image
 * needs no curl.
 */
@Command(
        name = "health",
        mixinStandardHelpOptions = true,
        versionProvider = LedgerCommandLine.BuildVersion.class,
        description = {
            "Asks a running service whether it is ready.",
            "GET /actuator/health/readiness; the container's health check (the image has no curl)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ready (HTTP 200)", "1:not ready, or no answer", "2:wrong usage"})
public final class HealthCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            paramLabel = "<url>",
            description = "Readiness endpoint (default: http://localhost:$LEDGER_PORT/actuator/health/readiness,"
                    + " port 8080 if LEDGER_PORT is unset).")
    URI url;

    @Option(
            names = "--timeout",
            paramLabel = "<seconds>",
            description = "How long to wait for the answer (default: ${DEFAULT-VALUE} s).")
    int timeoutSeconds = 3;

    @Override
    public Integer call() throws InterruptedException {
        URI target = url != null ? url : URI.create("http://localhost:" + port() + "/actuator/health/readiness");
        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(target).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                spec.commandLine().getOut().println("Ready: " + target);
                return LedgerCommandLine.OK;
            }
            spec.commandLine().getErr().println("Not ready: " + target + " answered " + response.statusCode() + ".");
        } catch (ConnectException e) {
            spec.commandLine().getErr().println("No answer from " + target + ": nothing listens there.");
        } catch (IOException e) {
            spec.commandLine().getErr().println("No answer from " + target + ": " + LedgerCommandLine.oneSentence(e));
        }
        return LedgerCommandLine.FAILED;
    }

    private static String port() {
        String port = System.getenv("LEDGER_PORT");
        return port == null || port.isBlank() ? "8080" : port.strip();
    }
}
