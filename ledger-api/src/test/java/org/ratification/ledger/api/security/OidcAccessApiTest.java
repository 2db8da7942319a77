package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimNames;
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
import java.util.LinkedHashMap;
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
 * The oidc profile as it is deployed: only {@code LEDGER_OIDC_ISSUER_URI}, {@code LEDGER_OIDC_AUDIENCES}
 * and the roles claim are set. Spring's resource server finds the issuer's signing keys through its
 * discovery document, served here, as a real issuer would, by a small HTTP server of the test with a
 * key made for it; every token is really signed. The roles claim (nested, as Keycloak's
 * {@code realm_access.roles}) decides access; the subject is recorded as recordedBy.
 */
@ActiveProfiles("oidc")
class OidcAccessApiTest extends ApiTestSupport {

    private static final String AUDIENCE = "ratification-ledger";
    private static final KeyPair KEYS = rsa();
    private static final KeyPair OTHER_KEYS = rsa();
    private static final HttpServer ISSUER_SERVER = serve(KEYS);
    private static final String ISSUER =
            "http://127.0.0.1:" + ISSUER_SERVER.getAddress().getPort() + "/realms/ledger";

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The issuer's discovery document and its JWK set, as an OpenID Connect provider serves them. */
    private static HttpServer serve(KeyPair keys) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            String base = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/ledger";
            byte[] jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                            .keyID("test-key")
                            .build())
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            byte[] discovery = JSON.writeValueAsBytes(Map.of(
                    "issuer",
                    base,
                    "jwks_uri",
                    base + "/protocol/openid-connect/certs",
                    "subject_types_supported",
                    List.of("public"),
                    "id_token_signing_alg_values_supported",
                    List.of("RS256")));
            json(server, "/realms/ledger/protocol/openid-connect/certs", jwks);
            json(server, "/realms/ledger/.well-known/openid-configuration", discovery);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void json(HttpServer server, String path, byte[] body) {
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** The variables application-oidc.yml maps, as an operator sets them. */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("LEDGER_OIDC_ISSUER_URI", () -> ISSUER);
        registry.add("LEDGER_OIDC_AUDIENCES", () -> AUDIENCE + ",another-service");
        registry.add("LEDGER_OIDC_ROLES_CLAIM", () -> "realm_access.roles");
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER_SERVER.stop(0);
    }

    private static final class Token {
        private KeyPair keys = KEYS;
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(Instant.now().minusSeconds(5)))
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));

        Token(String subject, Object roles) {
            claims.subject(subject);
            if (roles != null) {
                claims.claim("realm_access", Map.of("roles", roles));
            }
        }

        Token with(String claim, Object value) {
            claims.claim(claim, value);
            return this;
        }

        Token expired() {
            claims.issueTime(Date.from(Instant.now().minusSeconds(900)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(600)));
            return this;
        }

        Token signedBy(KeyPair other) {
            keys = other;
            return this;
        }

        String serialize() {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(), claims.build());
            try {
                jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static String token(String subject, Object roles) {
        return new Token(subject, roles).serialize();
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

        long before = storedEvents();

        for (String token : List.of(token("someone", null), token("someone", List.of("ADMIN", "offline_access")))) {
            Reply reply = withToken(path, signature("FRA"), token);
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("FORBIDDEN");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void forgedExpiredOrForeignTokensAreUnauthenticated() {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";
        long before = storedEvents();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(
                "signed by another key",
                new Token("x", List.of("DEPOSITARY")).signedBy(OTHER_KEYS).serialize());
        tokens.put("expired", new Token("x", List.of("DEPOSITARY")).expired().serialize());
        tokens.put(
                "from another issuer",
                new Token("x", List.of("DEPOSITARY"))
                        .with(JWTClaimNames.ISSUER, "https://elsewhere.test/realms/ledger")
                        .serialize());
        tokens.put(
                "for another audience",
                new Token("x", List.of("DEPOSITARY"))
                        .with(JWTClaimNames.AUDIENCE, List.of("some-other-api"))
                        .serialize());
        tokens.put(
                "for no audience",
                new Token("x", List.of("DEPOSITARY"))
                        .with(JWTClaimNames.AUDIENCE, null)
                        .serialize());
        tokens.put("not a token", "not-a-jwt");

        tokens.forEach((what, token) -> {
            Reply reply = withToken(path, signature("FRA"), token);
            assertThat(reply.status()).as(what).isEqualTo(401);
            assertThat(reply.code()).as(what).isEqualTo("UNAUTHENTICATED");
        });
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aTokenForOneOfTheAudiencesAmongOthersIsAccepted() {
        String treaty = registerTreaty(40, 90, 30, false);

        Reply signed = withToken(
                "/api/treaties/" + treaty + "/signatures",
                signature("FRA"),
                new Token("treaty-officer-2", List.of("DEPOSITARY"))
                        .with(JWTClaimNames.AUDIENCE, List.of("account", "another-service"))
                        .serialize());

        assertThat(signed.status()).isEqualTo(201);
    }

    @Test
    void rolesAreReadFromTheConfiguredNestedClaimOnly() {
        String treaty = registerTreaty(40, 90, 30, false);
        String path = "/api/treaties/" + treaty + "/signatures";
        long before = storedEvents();

        Reply topLevel = withToken(
                path,
                signature("FRA"),
                new Token("someone", null).with("roles", List.of("DEPOSITARY")).serialize());
        assertThat(topLevel.status()).as("roles outside realm_access.roles").isEqualTo(403);
        assertThat(topLevel.code()).isEqualTo("FORBIDDEN");
        assertThat(storedEvents()).isEqualTo(before);

        Reply nested =
                withToken(path, signature("FRA"), token("treaty-officer-3", List.of("offline_access", "depositary")));
        assertThat(nested.status()).isEqualTo(201);
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
