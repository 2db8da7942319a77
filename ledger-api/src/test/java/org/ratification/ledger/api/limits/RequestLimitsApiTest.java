package org.ratification.ledger.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bodies over 256 KB are refused with 413 before they are read into a request; JSON is read strictly. */
class RequestLimitsApiTest extends ApiTestSupport {

    @LocalServerPort
    private int port;

    @Value("${ledger.security.depositary-password}")
    private String depositaryPassword;

    private static String communication(int textLength) {
        return "{\"participant\":\"FRA\",\"kind\":\"DECLARATION\",\"receivedOn\":\"2025-11-03\",\"text\":\""
                + "x".repeat(textLength) + "\"}";
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() {
        String treaty = registerTreaty(40, 90, 30, false);
        long before = storedEvents();

        Reply reply = post("/api/treaties/" + treaty + "/communications", communication(300 * 1024));

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        byte[] body = communication(300 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/treaties/" + treaty + "/communications"))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(
                                                ("depositary:" + depositaryPassword).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aBodyJustUnderTheLimitIsReadAndJudgedOnItsContent() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply reply = post("/api/treaties/" + treaty + "/communications", communication(250 * 1024));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("TEXT_TOO_LONG");
    }

    @Test
    void aDateIsOnlyAnIsoString() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply array =
                post("/api/treaties/" + treaty + "/signatures", "{\"participant\":\"FRA\",\"signedOn\":[2025,10,25]}");
        Reply number = post("/api/treaties/" + treaty + "/signatures", "{\"participant\":\"FRA\",\"signedOn\":20386}");
        Reply noSuchDay = post(
                "/api/treaties/" + treaty + "/signatures", "{\"participant\":\"FRA\",\"signedOn\":\"2025-02-30\"}");

        assertThat(array.status()).isEqualTo(400);
        assertThat(number.status()).isEqualTo(400);
        assertThat(noSuchDay.code()).isEqualTo("INVALID_DATE");
    }

    @Test
    void textsAndEnumsAreNotTakenFromNumbersOrBooleans() {
        String treaty = registerTreaty(40, 90, 30, false);
        sign(treaty, "FRA", "2025-10-25");

        Reply place = post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"DEU\",\"signedOn\":\"2025-10-25\",\"place\":7}");
        Reply type = post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"FRA\",\"type\":0,\"depositedOn\":\"2026-01-10\"}");
        Reply duplicate = post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"DEU\",\"participant\":\"ITA\",\"signedOn\":\"2025-10-25\"}");

        assertThat(place.status()).isEqualTo(400);
        assertThat(type.status()).isEqualTo(400);
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_KEY");
        assertThat(duplicate.body().path("detail").asText()).contains("'participant'");
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt())
                .isEqualTo(1);
    }

    @Test
    void aBodyOfAnotherMediaTypeIsTold415NotMalformed() {
        String treaty = registerTreaty(40, 90, 30, false);
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        authenticate(headers, Role.DEPOSITARY);
        headers.setContentType(org.springframework.http.MediaType.TEXT_PLAIN);
        org.springframework.http.ResponseEntity<String> reply = http.exchange(
                "/api/treaties/" + treaty + "/signatures",
                org.springframework.http.HttpMethod.POST,
                new org.springframework.http.HttpEntity<>(
                        "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\"}", headers),
                String.class);

        assertThat(reply.getStatusCode().value()).isEqualTo(415);
        assertThat(reply.getBody()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt())
                .isZero();
    }

    @Test
    void aPlaceLongerThanItsColumnIsRefusedRatherThanLost() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply reply = post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"FRA\",\"signedOn\":\"2025-10-25\",\"place\":\"" + "p".repeat(256) + "\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("TEXT_TOO_LONG");
    }
}
