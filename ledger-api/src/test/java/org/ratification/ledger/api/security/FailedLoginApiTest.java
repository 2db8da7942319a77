package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing is bounded: after ten failed logins from one address for one user within a
 * minute, further attempts are refused with 429 TOO_MANY_ATTEMPTS, even with the right password,
 * while other addresses and public reading go on. The guesser connects from 127.0.0.2 so that the
 * block does not touch the other tests, which connect from 127.0.0.1.
 */
class FailedLoginApiTest extends ApiTestSupport {

    private static final String GUESSER = "127.0.0.2";

    @LocalServerPort
    private int port;

    @Value("${ledger.security.depositary-password}")
    private String depositaryPassword;

    private record Raw(int status, JsonNode body, String retryAfter) {}

    /** A GET sent over a socket bound to {@code from}, with optional Basic credentials. */
    private Raw get(String from, String path, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder()
                    .append("GET ")
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\nConnection: close\r\n");
            if (user != null) {
                String credentials =
                        Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
                request.append("Authorization: Basic ").append(credentials).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            String retryAfter = head.lines()
                    .filter(l -> l.toLowerCase().startsWith("retry-after:"))
                    .map(l -> l.substring(12).trim())
                    .findFirst()
                    .orElse(null);
            String body = response.substring(response.indexOf("\r\n\r\n") + 4);
            JsonNode json = null;
            int brace = body.indexOf('{');
            if (brace >= 0) {
                json = JSON.readTree(body.substring(brace, body.lastIndexOf('}') + 1));
            }
            return new Raw(status, json, retryAfter);
        }
    }

    @Test
    void tenFailedLoginsInAMinuteBlockFurtherAttemptsFromThatAddressForThatUser() throws IOException {
        String history = "/api/treaties/cybercrime/history/verify";
        assertThat(get(GUESSER, history, "depositary", depositaryPassword).status())
                .isEqualTo(200);

        for (int attempt = 1; attempt <= 10; attempt++) {
            Raw refused = get(GUESSER, history, "depositary", "guess-" + attempt);
            assertThat(refused.status()).as("attempt " + attempt).isEqualTo(401);
            assertThat(refused.body().path("code").asText()).isEqualTo("UNAUTHENTICATED");
        }

        Raw blocked = get(GUESSER, history, "depositary", depositaryPassword);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body().path("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        assertThat(Integer.parseInt(blocked.retryAfter())).isBetween(1, 61);

        assertThat(get(GUESSER, "/api/treaties/cybercrime", null, null).status())
                .as("public reading without credentials goes on")
                .isEqualTo(200);
        assertThat(get("127.0.0.1", history, "depositary", depositaryPassword).status())
                .as("another address is not blocked")
                .isEqualTo(200);
    }

    @Test
    void everySpellingOfTheUserNameCountsForTheOneAccountItLogsInTo() throws IOException {
        String from = "127.0.0.3";
        String history = "/api/treaties/cybercrime/history/verify";
        assertThat(get(from, history, "DEPOSITARY", depositaryPassword).status())
                .as("the lookup ignores case")
                .isEqualTo(200);
        String[] spellings = {"depositary", "DEPOSITARY", "Depositary", "dePOSITARY", "DEPOSITARy"};
        for (int attempt = 0; attempt < 10; attempt++) {
            Raw refused = get(from, history, spellings[attempt % spellings.length], "guess-" + attempt);
            assertThat(refused.status()).as("attempt " + attempt).isEqualTo(401);
        }

        for (String spelling : new String[] {"depositary", "DEPOSITARY", "Depositary", "DePoSiTaRy"}) {
            Raw blocked = get(from, history, spelling, depositaryPassword);
            assertThat(blocked.status()).as(spelling).isEqualTo(429);
            assertThat(blocked.body().path("code").asText()).isEqualTo("TOO_MANY_ATTEMPTS");
        }
        assertThat(get("127.0.0.1", history, "Depositary", depositaryPassword).status())
                .as("another address is not blocked")
                .isEqualTo(200);
    }
}
