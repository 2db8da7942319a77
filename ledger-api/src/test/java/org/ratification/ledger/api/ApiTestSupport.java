package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP-level tests: the whole service on a random port over a private database.
 * Each test registers treaties of its own (random ids), so tests never see each other's records.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTestSupport {

    protected static final ObjectMapper JSON = new ObjectMapper();

    /** Without credentials; requests through it authenticate explicitly (see {@link #as}). */
    @Autowired
    private TestRestTemplate rest;

    /** Authenticated as the depositary, for tests that use the template directly. */
    protected TestRestTemplate http;

    @Value("${ledger.security.depositary-password:}")
    private String depositaryPassword;

    @Value("${ledger.security.auditor-password:}")
    private String auditorPassword;

    @Autowired
    protected JdbcTemplate jdbc;

    /** Who sends a request: nobody in particular, an auditor, or the depositary. */
    public enum Role {
        ANONYMOUS,
        AUDITOR,
        DEPOSITARY
    }

    @BeforeEach
    void authenticateAsDepositaryByDefault() {
        http = rest.withBasicAuth("depositary", depositaryPassword);
    }

    /** Requests sent with the credentials of {@code role}. */
    protected Client as(Role role) {
        return new Client(role);
    }

    /** Sets the credentials of {@code role}; Basic users by default, overridden for other schemes. */
    protected void authenticate(HttpHeaders headers, Role role) {
        switch (role) {
            case DEPOSITARY -> headers.setBasicAuth("depositary", depositaryPassword);
            case AUDITOR -> headers.setBasicAuth("auditor", auditorPassword);
            case ANONYMOUS -> {}
        }
    }

    /** HTTP helpers for one role. */
    protected final class Client {
        private final Role role;

        private Client(Role role) {
            this.role = role;
        }

        public Reply get(String path) {
            return exchange(HttpMethod.GET, path, null);
        }

        public Reply post(String path, String json) {
            return exchange(HttpMethod.POST, path, json);
        }

        public Reply exchange(HttpMethod method, String path, String json) {
            return exchange(method, path, json, new HttpHeaders());
        }

        public Reply exchange(HttpMethod method, String path, String json, HttpHeaders extra) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
            authenticate(headers, role);
            headers.putAll(extra);
            ResponseEntity<String> response =
                    rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
            try {
                JsonNode body = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
                return new Reply(response.getStatusCode().value(), body, response.getHeaders());
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + response.getBody(), e);
            }
        }
    }

    /** A response's status and parsed body. */
    public record Reply(int status, JsonNode body, HttpHeaders headers) {
        public String code() {
            return body.path("code").asText(null);
        }
    }

    protected Reply get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    protected Reply post(String path, String json) {
        return exchange(HttpMethod.POST, path, json);
    }

    /** Sent as the depositary, like {@link #get} and {@link #post}. */
    protected Reply exchange(HttpMethod method, String path, String json) {
        return as(Role.DEPOSITARY).exchange(method, path, json);
    }

    /** Registers a treaty with the given clauses and a signature period 2025-01-01..2026-12-31. */
    protected String registerTreaty(int instrumentsRequired, int daysAfterThreshold, int daysAfterLater, boolean reio) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Reply reply = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":%d,"daysAfterThreshold":%d,
                   "daysAfterLaterInstrument":%d,"reioInstrumentsCount":%s},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(id, id, instrumentsRequired, daysAfterThreshold, daysAfterLater, reio));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return id;
    }

    protected Reply sign(String treaty, String participant, String date) {
        return post(
                "/api/treaties/" + treaty + "/signatures",
                "{\"participant\":\"%s\",\"signedOn\":\"%s\"}".formatted(participant, date));
    }

    protected Reply deposit(String treaty, String participant, String type, String date) {
        return post(
                "/api/treaties/" + treaty + "/instruments",
                "{\"participant\":\"%s\",\"type\":\"%s\",\"depositedOn\":\"%s\"}".formatted(participant, type, date));
    }

    protected Reply ratify(String treaty, String participant, String signedOn, String depositedOn) {
        Reply signed = sign(treaty, participant, signedOn);
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        Reply deposited = deposit(treaty, participant, "RATIFICATION", depositedOn);
        assertThat(deposited.status()).as(deposited.body().toString()).isEqualTo(201);
        return deposited;
    }

    /** How many events the store holds, to prove that a refusal recorded nothing. */
    protected long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
