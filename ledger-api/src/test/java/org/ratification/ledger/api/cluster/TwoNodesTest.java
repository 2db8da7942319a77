package org.ratification.ledger.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ratification.ledger.api.LedgerApplication;
import org.ratification.ledger.api.database.PostgresDatabases;
import org.ratification.ledger.api.database.TestDatabaseCondition;
import org.ratification.ledger.api.database.TestDatabaseInitializer;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two service instances on one fresh PostgreSQL database: both record (concurrently, also to the
 * same treaty) and a write answered 201 by either is read at once on both (the inline read models
 * commit with the event); every event is handled once per tracking processor; and when one node
 * stops, the other records and reads on its own at once and takes the tracking segments over.
 */
@ExtendWith(TwoNodesTest.NeedsPostgres.class)
class TwoNodesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static String database;
    private static JdbcTemplate jdbc;
    private static final Map<String, ConfigurableApplicationContext> nodes = new HashMap<>();

    @BeforeAll
    static void startTwoNodes() {
        database = PostgresDatabases.create();
        DriverManagerDataSource admin = new DriverManagerDataSource(
                PostgresDatabases.url(database), PostgresDatabases.user(), PostgresDatabases.password());
        jdbc = new JdbcTemplate(admin);
        // outside the schema Flyway owns, so that the application's migrations still start from empty
        jdbc.execute("CREATE SCHEMA probe");
        jdbc.execute("CREATE TABLE probe.delivery (event_id VARCHAR(64) NOT NULL, node VARCHAR(64) NOT NULL)");
        nodes.put("node-a", start("node-a"));
        nodes.put("node-b", start("node-b"));
    }

    @AfterAll
    static void stopNodes() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
        if (database != null) {
            PostgresDatabases.drop(database);
        }
    }

    private static ConfigurableApplicationContext start(String node) {
        Map<String, Object> properties = new HashMap<>(TestDatabaseInitializer.properties(database));
        properties.put("server.port", 0);
        properties.put("ledger.cluster.node-id", node);
        properties.put("ledger.cluster.claim-timeout", "3s");
        properties.put("axon.eventhandling.processors.probe.mode", "pooled");
        properties.put("axon.eventhandling.processors.probe.token-claim-interval", 300);
        properties.put("spring.main.banner-mode", "off");
        // as arguments: they must outrank the profiles' files (default properties would not)
        String[] arguments = properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(LedgerApplication.class, DeliveryProbe.class)
                .profiles("test", "postgres")
                .run(arguments);
    }

    @Test
    void twoNodesShareTheWorkAndTheSurvivorCarriesOn() throws Exception {
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'cybercrime'",
                        Long.class))
                .as("the Convention is registered once although both nodes started")
                .isEqualTo(1L);
        String treaty = "t-two-nodes";
        String other = "t-other";
        assertThat(post("node-a", "/api/treaties", treatyJson(treaty)).status()).isEqualTo(201);
        assertThat(post("node-b", "/api/treaties", treatyJson(other)).status()).isEqualTo(201);
        assertThat(get("node-b", "/api/treaties/" + treaty).status())
                .as("a treaty registered on one node is read at once on the other")
                .isEqualTo(200);

        List<String> states = states();
        Map<String, String> recorded = new ConcurrentHashMap<>();
        List<String> failures = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<?>> sent = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String state = states.get(i);
            String writer = i % 2 == 0 ? "node-a" : "node-b";
            String reader = i % 2 == 0 ? "node-b" : "node-a";
            String target = i % 4 == 3 ? other : treaty;
            sent.add(clients.submit(() -> {
                Reply reply = signUntilRecorded(writer, target, state);
                if (reply.status() != 201) {
                    synchronized (failures) {
                        failures.add(state + " on " + writer + ": " + reply);
                    }
                    return;
                }
                recorded.put(target + "/" + state, reply.body().path("recordId").asText());
                Reply read = get(reader, "/api/treaties/" + target + "/participants/" + state);
                if (read.status() != 200
                        || !read.body().path("signedOn").asText().equals("2025-10-25")) {
                    synchronized (failures) {
                        failures.add(state + " written on " + writer + " not read on " + reader + ": " + read);
                    }
                }
            }));
        }
        for (Future<?> f : sent) {
            f.get();
        }
        clients.shutdown();
        assertThat(failures).isEmpty();
        assertThat(recorded).hasSize(40);

        assertStreamIsIntact(treaty, 30);
        assertStreamIsIntact(other, 10);
        assertNothingLostOrDuplicated(recorded);
        assertBothNodesAnswerAlike(treaty, 30);
        assertBothNodesAnswerAlike(other, 10);
        assertEveryEventHandledOncePerReadModel();
        assertThat(owners("status")).as("inline read models have no tokens").isEmpty();

        // the same signature sent to both nodes at once: decided on the same state, only one succeeds
        String contested = states.get(50);
        ExecutorService both = Executors.newFixedThreadPool(2);
        Future<Reply> onA = both.submit(() -> signUntilRecorded("node-a", treaty, contested));
        Future<Reply> onB = both.submit(() -> signUntilRecorded("node-b", treaty, contested));
        List<Reply> replies = List.of(onA.get(), onB.get());
        both.shutdown();
        assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(201, 409);
        Reply winner =
                replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
        assertThat(replies.stream()
                        .filter(r -> r.status() == 409)
                        .findFirst()
                        .orElseThrow()
                        .body()
                        .path("code")
                        .asText())
                .isEqualTo("ALREADY_SIGNED");
        recorded.put(treaty + "/" + contested, winner.body().path("recordId").asText());
        for (String node : List.of("node-a", "node-b")) {
            assertThat(get(node, "/api/treaties/" + treaty + "/participants/" + contested)
                            .status())
                    .isEqualTo(200);
        }

        // a treaty cached on one node is checked against the store before use: a signature recorded
        // by the other node counts at once (a stale cache would refuse the ratification NOT_SIGNED)
        String cached = "t-cached";
        assertThat(post("node-a", "/api/treaties", treatyJson(cached)).status()).isEqualTo(201);
        assertThat(signUntilRecorded("node-b", cached, states.get(0)).status()).isEqualTo(201);
        assertThat(signUntilRecorded("node-a", cached, states.get(1)).status()).isEqualTo(201);
        Reply ratified = post(
                "node-b",
                "/api/treaties/" + cached + "/instruments",
                "{\"participant\":\"%s\",\"type\":\"RATIFICATION\",\"depositedOn\":\"2025-11-03\"}"
                        .formatted(states.get(1)));
        assertThat(ratified.status()).as(ratified.toString()).isEqualTo(201);

        String stopping = "node-a";
        String survivor = stopping.equals("node-a") ? "node-b" : "node-a";
        nodes.remove(stopping).close();
        for (int i = 40; i < 45; i++) {
            Reply reply = signUntilRecorded(survivor, treaty, states.get(i));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            recorded.put(
                    treaty + "/" + states.get(i), reply.body().path("recordId").asText());
            assertThat(get(survivor, "/api/treaties/" + treaty + "/participants/" + states.get(i))
                            .status())
                    .as("read at once on the answering node while the other is down")
                    .isEqualTo(200);
        }
        assertThat(get(survivor, "/api/treaties/" + treaty + "/participants").body())
                .hasSize(36);
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(owners("probe")).containsExactly(survivor));
        assertStreamIsIntact(treaty, 36);
        assertNothingLostOrDuplicated(recorded);
        assertEveryEventHandledOncePerReadModel();
        assertLogFollowsTheLeafOrder();
    }

    /**
     * Both nodes appended to one log (after commit, taking turns on log_head): one leaf per record, in
     * the order of (xid, global index) (docs/LOG.md), once the surviving node has appended the last.
     */
    private static void assertLogFollowsTheLeafOrder() {
        List<Long> records = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry ORDER BY xid NULLS FIRST, global_index", Long.class);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        jdbc.queryForList("SELECT global_index FROM log_leaf ORDER BY leaf_index", Long.class))
                .as("every record is one leaf, in leaf order")
                .isEqualTo(records));
        assertThat(jdbc.queryForObject("SELECT tree_size FROM log_head", Long.class))
                .isEqualTo(records.size());
    }

    /** The client's part: a 409 CONCURRENT_WRITE (the gateway's retries ran out) is sent again. */
    private static Reply signUntilRecorded(String node, String treaty, String state) {
        Reply reply = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            reply = post(
                    node,
                    "/api/treaties/" + treaty + "/signatures",
                    "{\"participant\":\"%s\",\"signedOn\":\"2025-10-25\"}".formatted(state));
            if (reply.status() != 409
                    || !"CONCURRENT_WRITE".equals(reply.body().path("code").asText())) {
                return reply;
            }
        }
        return reply;
    }

    private static void assertStreamIsIntact(String treaty, int signatures) {
        List<Long> sequence = jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY 1",
                Long.class,
                treaty);
        assertThat(sequence).hasSize(signatures + 1);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i);
        }
    }

    private static void assertNothingLostOrDuplicated(Map<String, String> recorded) {
        Map<String, String> stored = new HashMap<>();
        jdbc.query(
                "SELECT treaty_id, participant, record_id FROM status_record WHERE treaty_id IN ('t-two-nodes','t-other')",
                rs -> {
                    String key = rs.getString(1) + "/" + rs.getString(2);
                    assertThat(stored.put(key, rs.getString(3)))
                            .as("duplicate " + key)
                            .isNull();
                });
        assertThat(stored).isEqualTo(recorded);
    }

    private static void assertBothNodesAnswerAlike(String treaty, int signatories) {
        JsonNode onA = get("node-a", "/api/treaties/" + treaty).body();
        JsonNode onB = get("node-b", "/api/treaties/" + treaty).body();
        assertThat(onA).isEqualTo(onB);
        assertThat(onA.path("signatories").asInt()).isEqualTo(signatories);
        JsonNode participantsA =
                get("node-a", "/api/treaties/" + treaty + "/participants").body();
        assertThat(participantsA).hasSize(signatories);
        assertThat(get("node-b", "/api/treaties/" + treaty + "/participants").body())
                .isEqualTo(participantsA);
    }

    private static void assertEveryEventHandledOncePerReadModel() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        jdbc.queryForObject("SELECT COUNT(DISTINCT event_id) FROM probe.delivery", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class)));
        assertThat(jdbc.queryForList(
                        "SELECT event_id FROM probe.delivery GROUP BY event_id HAVING COUNT(*) > 1", String.class))
                .as("events handled twice")
                .isEmpty();
    }

    private static Set<String> owners(String processor) {
        return new TreeSet<>(jdbc.queryForList(
                "SELECT DISTINCT owner FROM token_entry WHERE processor_name = ? AND owner IS NOT NULL",
                String.class,
                processor));
    }

    private static List<String> states() {
        return ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio())
                .map(Participant::code)
                .sorted()
                .toList();
    }

    private static String treatyJson(String id) {
        return """
                {"id":"%s","reference":"TEST-%s","title":"Test treaty","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":40,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                .formatted(id, id);
    }

    record Reply(int status, JsonNode body) {}

    private static Reply get(String node, String path) {
        return send(node, HttpRequest.newBuilder(uri(node, path)).GET());
    }

    private static Reply post(String node, String path, String json) {
        return send(
                node,
                HttpRequest.newBuilder(uri(node, path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Reply send(String node, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(
                    request.header("Accept", "application/json, application/problem+json")
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + java.util.Base64.getEncoder()
                                                    .encodeToString("depositary:test-depositary"
                                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(
                    response.statusCode(), body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
        } catch (Exception e) {
            throw new AssertionError("Request to " + node + " failed", e);
        }
    }

    private static URI uri(String node, String path) {
        int port =
                ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A read model of its own that notes which node handled which event. */
    @ProcessingGroup("probe")
    static class DeliveryProbe {

        private final JdbcTemplate jdbc;
        private final String node;

        DeliveryProbe(DataSource dataSource, org.ratification.ledger.api.cluster.ClusterProperties cluster) {
            this.jdbc = new JdbcTemplate(dataSource);
            this.node = cluster.nodeId();
        }

        @EventHandler
        void on(Object event, EventMessage<?> message) {
            jdbc.update("INSERT INTO probe.delivery (event_id, node) VALUES (?, ?)", message.getIdentifier(), node);
        }
    }

    /** Runs with a reachable PostgreSQL; skipped without one unless CI=true. */
    static class NeedsPostgres implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return TestDatabaseCondition.postgresAvailable("two nodes on PostgreSQL");
        }
    }
}
