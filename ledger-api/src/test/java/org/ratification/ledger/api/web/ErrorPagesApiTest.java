package org.ratification.ledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Every refusal is RFC 9457 problem+json with a stable code, also those the application never
 * sees as a request: the Security firewall's, the container's error page and Tomcat's own reports
 * of malformed or oversized requests. Sent as raw bytes, since HTTP clients normalise such paths.
 */
class ErrorPagesApiTest extends ApiTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    private int port;

    private static JsonNode problem(RawHttp.Answer answer, int status, String code) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("detail").asText()).isNotBlank();
        return body;
    }

    @Test
    void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
        problem(RawHttp.get(port, "/error"), 404, "NOT_FOUND");
        problem(RawHttp.get(port, "/error", "Accept: text/html"), 404, "NOT_FOUND");
    }

    @Test
    void anUnmappedPathIsNotFound() throws Exception {
        problem(RawHttp.get(port, "/no/such/page", "Accept: text/html"), 404, "NOT_FOUND");
        problem(RawHttp.get(port, "/api/no-such-resource"), 404, "NOT_FOUND");
    }

    @Test
    void aMethodThePathDoesNotAllowIsMethodNotAllowed() {
        Reply reply = as(Role.DEPOSITARY).exchange(HttpMethod.PUT, "/api/treaties", "{}");

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//api/treaties",
                "/api//treaties",
                "/api/treaties;x=1",
                "/api;jsessionid=1/treaties",
                "/api/%2e%2e/actuator/env",
                "/api/treaties/%2e%2e/%2e%2e/actuator/env",
                "/api/./treaties",
                "/api/treaties/../admin/processors",
                "/api/treaties%3bx=1",
                "/api/treaties%5cx",
                "/api/treaties%25x",
                "/api/treaties%00x"
            })
    void aPathTheFirewallRejectsIsAProblem(String target) throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, target);

        problem(answer, 400, answer.body().contains("REQUEST_REJECTED") ? "REQUEST_REJECTED" : "BAD_REQUEST");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void theFirewallsOwnRefusalsCarryTheirCode() throws Exception {
        problem(RawHttp.get(port, "//api/treaties"), 400, "REQUEST_REJECTED");
        problem(RawHttp.get(port, "/api/treaties;x=1"), 400, "REQUEST_REJECTED");
        problem(RawHttp.get(port, "/api/%2e%2e/actuator/env"), 400, "REQUEST_REJECTED");
    }

    @Test
    void anEncodedSlashRefusedByTomcatIsAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/treaties%2Fcybercrime");

        problem(answer, 400, "BAD_REQUEST");
        assertThat(answer.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void aUriLongerThanTheRequestHeaderBufferIsUriTooLong() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/treaties/" + "x".repeat(20_000));

        problem(answer, 414, "URI_TOO_LONG");
        assertThat(answer.body()).doesNotContain("<html", "Tomcat");
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void headersLargerThanTheBufferAreHeaderFieldsTooLarge() throws Exception {
        RawHttp.Answer answer = RawHttp.get(port, "/api/treaties", "X-Padding: " + "y".repeat(20_000));

        problem(answer, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE");
        assertThat(answer.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void aMalformedRequestLineIsABadRequest() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port, "GET /api/treaties HTTP/1.1 extra\r\nHost: x\r\n\r\n");

        problem(answer, 400, "BAD_REQUEST");
        assertThat(answer.body()).doesNotContain("<html", "Tomcat");
    }

    @Test
    void anIllegalCharacterInTheTargetIsABadRequest() throws Exception {
        RawHttp.Answer answer =
                RawHttp.send(port, "GET /api/trea{ties HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        problem(answer, 400, "BAD_REQUEST");
    }
}
