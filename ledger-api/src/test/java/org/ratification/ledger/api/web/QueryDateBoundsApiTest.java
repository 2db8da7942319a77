package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Every query parameter that takes a legal date or a recording instant keeps the bounds the ledger
 * keeps on every date it records (Bounds: the years 1 to 9999): a date outside them is refused with
 * 400 DATE_OUT_OF_RANGE as problem+json, on every endpoint, instead of being computed on. Dates at
 * the bounds themselves are answered.
 */
class QueryDateBoundsApiTest extends ApiTestSupport {

    private static final List<String> OUTSIDE = List.of("0000-01-01", "-0001-12-31", "+10000-01-01");
    private static final List<String> INSTANTS_OUTSIDE =
            List.of("0000-01-01T00:00:00Z", "0001-01-01T01:00:00+02:00", "+10000-01-01T00:00:00Z");

    /** Sent as the depositary, who may read every endpoint, with the path as given (already encoded). */
    private void assertOutOfRange(String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        ResponseEntity<String> reply = http.exchange(
                URI.create(http.getRootUri() + path), HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(reply.getStatusCode().value())
                .as(path + " " + reply.getBody())
                .isEqualTo(400);
        assertThat(reply.getBody()).as(path).contains("\"code\":\"DATE_OUT_OF_RANGE\"");
        assertThat(reply.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }

    /** A '+' in a query is a space unless encoded. */
    private static String encoded(String value) {
        return value.replace("+", "%2B");
    }

    @Test
    void aLegalDateOutsideTheYearsOneTo9999IsRefusedByEveryEndpoint() {
        String treaty = registerTreaty(3, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        for (String date : OUTSIDE) {
            String asOf = "?asOf=" + encoded(date);
            for (String path : List.of(
                    "/api/treaties" + asOf,
                    "/api/treaties/" + treaty + asOf,
                    "/api/treaties/" + treaty + "/participants" + asOf,
                    "/api/treaties/" + treaty + "/participants/FRA" + asOf,
                    "/api/treaties/" + treaty + "/reservations" + asOf,
                    "/api/treaties/" + treaty + "/changes?from=" + encoded(date) + "&to=2026-01-01",
                    "/api/treaties/" + treaty + "/changes?from=2025-01-01&to=" + encoded(date),
                    "/api/pages/treaties/" + treaty + "/participants.csv" + asOf,
                    "/api/pages/treaties/" + treaty + asOf,
                    "/api/pages/participants/FRA" + asOf)) {
                assertOutOfRange(path);
            }
        }
    }

    @Test
    void aRecordingInstantOutsideTheYearsOneTo9999IsRefusedByEveryEndpoint() {
        String treaty = registerTreaty(3, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        for (String instant : INSTANTS_OUTSIDE) {
            String at = "?recordedAt=" + encoded(instant);
            for (String path : List.of(
                    "/api/treaties/" + treaty + at,
                    "/api/treaties/" + treaty + "/participants" + at,
                    "/api/treaties/" + treaty + "/participants/FRA" + at,
                    "/api/treaties/" + treaty + "/changes?from=2025-01-01&to=2026-01-01&recordedAt="
                            + encoded(instant))) {
                assertOutOfRange(path);
            }
            assertOutOfRange("/api/treaties/" + treaty + "/history?recordedFrom=" + encoded(instant));
            assertOutOfRange("/api/treaties/" + treaty + "/history?recordedTo=" + encoded(instant));
        }
    }

    @Test
    void theApiDocumentationDeclaresTheRefusal() {
        JsonNode codes = as(Role.ANONYMOUS)
                .get("/v3/api-docs")
                .body()
                .path("paths")
                .path("/api/treaties/{treatyId}")
                .path("get")
                .path("responses")
                .path("400")
                .path("x-problem-codes");
        assertThat(codes.toString()).contains("\"DATE_OUT_OF_RANGE\"", "\"INVALID_DATE\"");
    }

    @Test
    void theBoundsThemselvesAndMalformedDatesKeepTheirAnswers() {
        String treaty = registerTreaty(3, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertThat(get("/api/treaties/" + treaty + "?asOf=0001-01-01").status()).isEqualTo(200);
        assertThat(get("/api/treaties/" + treaty + "?asOf=9999-12-31").status()).isEqualTo(200);
        assertThat(get("/api/treaties/" + treaty + "?recordedAt=9999-12-31T23:59:59Z")
                        .status())
                .isEqualTo(200);
        assertThat(get("/api/treaties/" + treaty + "/participants/FRA?asOf=").status())
                .isEqualTo(200);
        Reply malformed = get("/api/treaties/" + treaty + "?asOf=2026-13-01");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("INVALID_DATE");
        Reply instant = get("/api/treaties/" + treaty + "?recordedAt=yesterday");
        assertThat(instant.code()).isEqualTo("INVALID_INSTANT");
    }
}
