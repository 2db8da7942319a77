package org.ratification.ledger.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An Idempotency-Key is its sender's own: two recorders (oidc subjects with the DEPOSITARY role) that
 * happen to send the same key get independent answers; neither is refused, replayed or kept waiting
 * because of the other's request, and neither sees the other's stored response.
 */
@ActiveProfiles("oidc")
class IdempotencyKeyPerPrincipalApiTest extends ApiTestSupport {

    private static final String ISSUER = "https://issuer.test/realms/ledger";
    private static final String AUDIENCE = "ratification-ledger";
    private static final KeyPair KEYS = rsa();
    private static final HttpServer JWKS = serve();

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic())
                            .keyID("test-key")
                            .build())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        // as an operator configures an issuer without a discovery document: Spring's own key-set address
        registry.add("LEDGER_OIDC_ISSUER_URI", () -> ISSUER);
        registry.add("LEDGER_OIDC_AUDIENCES", () -> AUDIENCE);
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stopIssuer() {
        JWKS.stop(0);
    }

    private static String token(String subject, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("roles", List.of(role))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(), claims);
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Override
    protected void authenticate(HttpHeaders headers, Role role) {
        switch (role) {
            case DEPOSITARY -> headers.setBearerAuth(token("officer-a", "DEPOSITARY"));
            case AUDITOR -> headers.setBearerAuth(token("auditor-7", "AUDITOR"));
            case ANONYMOUS -> {}
        }
    }

    /** A keyed write sent by the depositary's recorder {@code subject}. */
    private Reply post(String subject, String path, String json, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token(subject, "DEPOSITARY"));
        headers.set("Idempotency-Key", key);
        return as(Role.ANONYMOUS).exchange(HttpMethod.POST, path, json, headers);
    }

    private static String signature(String participant) {
        return "{\"participant\":\"%s\",\"signedOn\":\"2025-10-25\"}".formatted(participant);
    }

    private String recordedBy(String treaty, String recordId) throws Exception {
        for (var record : as(Role.AUDITOR)
                .get("/api/treaties/" + treaty + "/history?size=500")
                .body()
                .path("records")) {
            if (record.path("recordId").asText().equals(recordId)) {
                return record.path("recordedBy").asText();
            }
        }
        throw new AssertionError("No record " + recordId + " in " + treaty);
    }

    @Test
    void twoRecordersSendingOneKeyGetIndependentAnswers() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";
        String key = UUID.randomUUID().toString();

        Reply first = post("officer-a", path, signature("FRA"), key);
        Reply other = post("officer-b", path, signature("DEU"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).as(other.body().toString()).isEqualTo(201);
        assertThat(other.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(other.body().path("recordId")).isNotEqualTo(first.body().path("recordId"));
        assertThat(recordedBy(treaty, first.body().path("recordId").asText())).isEqualTo("officer-a");
        assertThat(recordedBy(treaty, other.body().path("recordId").asText())).isEqualTo("officer-b");

        // each key still replays its own sender's answer, and only that
        Reply againA = post("officer-a", path, signature("FRA"), key);
        Reply againB = post("officer-b", path, signature("DEU"), key);
        assertThat(againA.body()).isEqualTo(first.body());
        assertThat(againA.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(againB.body()).isEqualTo(other.body());
        assertThat(againB.headers().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(get("/api/treaties/" + treaty).body().path("signatories").asInt())
                .isEqualTo(2);
    }

    @Test
    void anotherRecordersIdenticalRequestIsNotAnsweredWithTheStoredResponse() {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";
        String key = UUID.randomUUID().toString();
        assertThat(post("officer-a", path, signature("FRA"), key).status()).isEqualTo(201);

        Reply same = post("officer-b", path, signature("FRA"), key);

        // evaluated as officer-b's own request: FRA has signed already
        assertThat(same.headers().getFirst("Idempotent-Replayed")).isNull();
        assertThat(same.status()).as(same.body().toString()).isEqualTo(409);
        assertThat(same.code()).isNotEqualTo("IDEMPOTENCY_KEY_REUSED");
    }
}
