package org.ratification.ledger.api.security;

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
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The oidc profile: JWT bearer tokens from an issuer whose signing keys are served, as a real
 * issuer would, from a JWK set URL (here a small HTTP server of the test with a key made for it).
 * The roles claim decides access; the subject is recorded as recordedBy.
 */
@ActiveProfiles("oidc")
class OidcAccessApiTest extends ApiTestSupport {

    private static final String ISSUER = "https://issuer.test/realms/ledger";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();
    private static final HttpServer JWKS = serve(KEYS);

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(KeyPair keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
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
        registry.add("ledger.security.oidc.issuer-uri", () -> ISSUER);
        registry.add(
                "ledger.security.oidc.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS.getAddress().getPort() + "/jwks");
    }

    @AfterAll
    static void stopIssuer() {
        JWKS.stop(0);
    }

    private static String token(KeyPair keys, String issuer, String subject, Object roles, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(expires));
        if (roles != null) {
            claims.claim("roles", roles);
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(), claims.build());
        try {
            jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String token(String subject, Object roles) {
        return token(KEYS, ISSUER, subject, roles, Instant.now().plusSeconds(300));
    }

    @Override
    protected void authenticate(HttpHeaders headers, Role role) {
        switch (role) {
            case DEPOSITARY -> headers.setBearerAuth(token("treaty-officer-1", List.of("DEPOSITARY")));
            case AUDITOR -> headers.setBearerAuth(token("auditor-7", "auditor"));
            case ANONYMOUS -> {}
        }
    }

    private Reply withToken(String path, String json, String token) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return as(Role.ANONYMOUS).exchange(org.springframework.http.HttpMethod.POST, path, json, headers);
    }

    private static String signature(String participant) {
        return "{\"participant\":\"%s\",\"signedOn\":\"2025-10-25\"}".formatted(participant);
    }

    @Test
    void aDepositaryTokenRecordsUnderItsSubject() throws Exception {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply signed = sign(treaty, "FRA", "2025-10-25");

        assertThat(signed.status()).isEqualTo(201);
        byte[] meta = jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1",
                byte[].class,
                treaty);
        assertThat(JSON.readTree(meta).path("recordedBy").asText()).isEqualTo("treaty-officer-1");
    }

    @Test
    void anAuditorTokenVerifiesButCannotRecord() {
        String treaty = registerTreaty(40, 90, 30, false);

        assertThat(as(Role.AUDITOR)
                        .get("/api/treaties/" + treaty + "/history/verify")
                        .status())
                .isEqualTo(200);
        Reply write = as(Role.AUDITOR).post("/api/treaties/" + treaty + "/signatures", signature("FRA"));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aTokenWithoutAKnownRoleIsForbidden() {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";

        assertThat(withToken(path, signature("FRA"), token("someone", null)).status())
                .isEqualTo(403);
        assertThat(withToken(path, signature("FRA"), token("someone", List.of("ADMIN")))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void forgedExpiredOrForeignTokensAreUnauthenticated() {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";
        long before = storedEvents();
        Map<String, String> tokens = Map.of(
                "signed by another key",
                token(
                        OTHER_KEYS,
                        ISSUER,
                        "x",
                        List.of("DEPOSITARY"),
                        Instant.now().plusSeconds(300)),
                "expired",
                token(KEYS, ISSUER, "x", List.of("DEPOSITARY"), Instant.now().minusSeconds(600)),
                "from another issuer",
                token(
                        KEYS,
                        "https://elsewhere.test",
                        "x",
                        List.of("DEPOSITARY"),
                        Instant.now().plusSeconds(300)),
                "not a token",
                "not-a-jwt");

        tokens.forEach((what, token) -> {
            Reply reply = withToken(path, signature("FRA"), token);
            assertThat(reply.status()).as(what).isEqualTo(401);
            assertThat(reply.code()).as(what).isEqualTo("UNAUTHENTICATED");
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void withoutAnyTokenWritesAreUnauthenticatedAndReadingIsPublic() {
        assertThat(as(Role.ANONYMOUS)
                        .post("/api/treaties/cybercrime/signatures", signature("FRA"))
                        .status())
                .isEqualTo(401);
        assertThat(as(Role.ANONYMOUS).get("/api/treaties/cybercrime").status()).isEqualTo(200);
    }
}
