package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The embedded default keeps every record across a stop and a start, and registers the Convention once. */
class RestartTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void recordsSurviveARestartAndTheConventionIsRegisteredOnce() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
        JsonNode before;
        try (ConfigurableApplicationContext node = start(url)) {
            String base = base(node);
            assertThat(send(
                            base,
                            "POST",
                            "/api/treaties/cybercrime/signatures",
                            "{\"participant\":\"VNM\",\"signedOn\":\"2025-10-25\",\"place\":\"Hanoi\"}"))
                    .isEqualTo(201);
            assertThat(send(
                            base,
                            "POST",
                            "/api/treaties/cybercrime/instruments",
                            "{\"participant\":\"VNM\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2026-03-02\"}"))
                    .isEqualTo(201);
            before = read(base, "/api/treaties/cybercrime/participants");
        }
        try (ConfigurableApplicationContext node = start(url)) {
            String base = base(node);
            assertThat(read(base, "/api/treaties/cybercrime/participants")).isEqualTo(before);
            assertThat(read(base, "/api/treaties/cybercrime/participants/VNM")
                            .path("status")
                            .asText())
                    .isEqualTo("CONTRACTING");
            Long registrations = node.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%TreatyRegisteredEvent'",
                            Long.class);
            assertThat(registrations).isEqualTo(1L);
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + url);
    }

    private static String base(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    private int send(String base, String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString("depositary:test-depositary"
                                                .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode read(String base, String path) throws Exception {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
