package org.ratification.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.ApiTestSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestTemplate;

/**
 * What the actuator tells whom: anonymous callers (and auditors) see health as UP/DOWN only,
 * readiness and liveness probes answer them with their status, Prometheus scrapes the counters
 * without any path of the machine; components, details and every other endpoint are the
 * depositary's.
 */
class ActuatorExposureApiTest extends ApiTestSupport {

    @Test
    void anonymousHealthIsTheStatusAlone() {
        Reply health = as(Role.ANONYMOUS).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(statusOnly(health.body())).isTrue();
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().toString()).doesNotContain("diskSpace", "H2", "PostgreSQL", "free", "path");
    }

    @Test
    void anAuditorSeesTheStatusAloneToo() {
        Reply health = as(Role.AUDITOR).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(statusOnly(health.body())).isTrue();
    }

    @Test
    void theDepositarySeesComponentsAndDetails() {
        Reply health = as(Role.DEPOSITARY).get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/details/database").asText()).isNotBlank();
        assertThat(health.body().at("/components/eventProcessors/status").asText())
                .isEqualTo("UP");
        assertThat(as(Role.DEPOSITARY).get("/actuator/health/db").status()).isEqualTo(200);
    }

    @Test
    void probesAnswerAnonymousCallersWithTheirStatusOnly() {
        for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
            Reply reply = as(Role.ANONYMOUS).get(probe);
            assertThat(reply.status()).as(probe).isEqualTo(200);
            assertThat(reply.body().path("status").asText()).as(probe).isEqualTo("UP");
            assertThat(fieldNames(reply.body())).as(probe).containsExactly("status");
        }
    }

    @Test
    void componentsAndEveryOtherEndpointNeedTheDepositary() {
        for (String path : List.of(
                "/actuator/health/db",
                "/actuator/health/diskSpace",
                "/actuator/health/eventProcessors",
                "/actuator/info",
                "/actuator/metrics",
                "/actuator/metrics/jvm.memory.used",
                "/actuator")) {
            Reply anonymous = as(Role.ANONYMOUS).get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.code()).as(path).isEqualTo("UNAUTHENTICATED");
            Reply auditor = as(Role.AUDITOR).get(path);
            assertThat(auditor.status()).as(path).isEqualTo(403);
            assertThat(auditor.code()).as(path).isEqualTo("FORBIDDEN");
        }
        assertThat(as(Role.DEPOSITARY).get("/actuator/info").status()).isEqualTo(200);
        assertThat(as(Role.DEPOSITARY).get("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void thePrometheusScrapeIsAnonymousAndCarriesNoPathOfTheMachine() {
        ResponseEntity<String> scrape =
                new RestTemplate().getForEntity(http.getRootUri() + "/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode().value()).isEqualTo(200);
        String anonymous = scrape.getBody();

        assertThat(anonymous).contains("ledger_events_head", "jvm_memory_used_bytes");
        String workingDirectory = Path.of("").toAbsolutePath().toString();
        assertThat(anonymous)
                .doesNotContain(workingDirectory)
                .doesNotContain(System.getProperty("user.dir"))
                .doesNotContain(System.getProperty("user.home"))
                .doesNotContain("path=\"")
                .doesNotContain("disk_free");
    }

    /**
     * Requests are timed, but Spring Security observes nothing: observing wrapped every filter of
     * the chain in a decorator on every request (bench/RESULTS.md §0g).
     */
    @Test
    void requestsAreTimedButNotEachSecurityFilter() {
        assertThat(as(Role.DEPOSITARY).get("/actuator/health").status()).isEqualTo(200);
        assertThat(as(Role.ANONYMOUS).get("/api/treaties").status()).isEqualTo(200);

        List<String> meters = new java.util.ArrayList<>();
        as(Role.DEPOSITARY).get("/actuator/metrics").body().path("names").forEach(n -> meters.add(n.asText()));

        assertThat(meters).contains("http.server.requests");
        assertThat(meters).noneMatch(name -> name.startsWith("spring.security"));
    }

    /** The status, and at most the names of the probe groups (Spring Boot lists them at the root). */
    private static boolean statusOnly(JsonNode health) {
        List<String> names = fieldNames(health);
        names.remove("groups");
        List<String> groups = new java.util.ArrayList<>();
        health.path("groups").forEach(g -> groups.add(g.asText()));
        return names.equals(List.of("status"))
                && List.of("liveness", "readiness").containsAll(groups);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
