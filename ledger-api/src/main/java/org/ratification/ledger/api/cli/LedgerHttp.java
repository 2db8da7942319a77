package org.ratification.ledger.api.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * How the jar's client commands ({@code import}, {@code export}) reach a running ledger: its address
 * ({@code --url}, else {@code http://localhost:$LEDGER_PORT}, port 8080), HTTP Basic credentials with
 * the password from an environment variable, and every failure to reach it as one sentence.
 */
final class LedgerHttp {

    /** The options that say where the ledger is and how long to wait for it (a picocli mixin). */
    static final class Address {

        @Option(
                names = "--url",
                paramLabel = "<url>",
                description = "The ledger (default: http://localhost:$LEDGER_PORT, port 8080 if LEDGER_PORT is unset).")
        URI url;

        @Option(
                names = "--timeout",
                paramLabel = "<seconds>",
                description = "How long to wait for the answer (default: ${DEFAULT-VALUE} s).")
        int timeoutSeconds = 120;
    }

    /** The ledger could not be reached, or refused the credentials: the sentence says which. */
    static final class Unreachable extends Exception {
        Unreachable(String sentence) {
            super(sentence);
        }
    }

    private final URI base;
    private final String authorization;
    private final Duration timeout;

    private LedgerHttp(URI base, String authorization, Duration timeout) {
        this.base = base;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /**
     * The ledger at {@code address} (or the local one), as {@code user} with the password held by the
     * environment variable {@code passwordVariable}; {@code passwordVariable} null: anonymous.
     */
    static LedgerHttp of(Address address, String user, String passwordVariable, UnaryOperator<String> environment)
            throws Unreachable {
        URI base = address.url;
        if (base == null) {
            String port = environment.apply("LEDGER_PORT");
            base = URI.create("http://localhost:" + (port == null || port.isBlank() ? "8080" : port.strip()));
        }
        String authorization = null;
        if (passwordVariable != null) {
            String password = environment.apply(passwordVariable);
            if (password == null || password.isEmpty()) {
                throw new Unreachable(
                        "The environment variable " + passwordVariable + " holding the password is not set.");
            }
            authorization = "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
        return new LedgerHttp(base, authorization, Duration.ofSeconds(Math.max(1, address.timeoutSeconds)));
    }

    /** The address of {@code pathAndQuery} on this ledger; a usage error if the base URL is not one. */
    URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    /** Sends the request built on {@code target}; 401 and 403 are {@link Unreachable}. */
    <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body, String user)
            throws Unreachable, InterruptedException {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<T> response;
        try {
            response = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .build()
                    .send(request.timeout(timeout).build(), body);
        } catch (ConnectException e) {
            throw new Unreachable("No answer from " + base + ": nothing listens there.");
        } catch (IOException e) {
            throw new Unreachable("No answer from " + base + ": " + LedgerCommandLine.oneSentence(e));
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new Unreachable("The ledger refused the credentials of '" + user + "' (" + status + ").");
        }
        return response;
    }
}
