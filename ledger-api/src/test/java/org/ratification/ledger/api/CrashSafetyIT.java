package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.participants.Participant;
import org.ratification.ledger.core.participants.ParticipantRegistry;

/**
 * Crash safety of the packaged service: it records signatures from several threads, is killed with
 * SIGKILL in the middle of the load, and is started again on the same database. Every write that
 * had been acknowledged (201) must be there, the chain must verify, the status and history read
 * models must agree with the event store record for record at once after the restart (they commit
 * with each event), and a write retried with its Idempotency-Key
 * across the crash must not be recorded twice. Run by failsafe after {@code package}.
 */
class CrashSafetyIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEPOSITARY = "depositary:crash-depositary";
    private static final String AUDITOR = "auditor:crash-auditor";

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path dir;
    private int port;
    private Process service;
    private boolean passed;

    private record Reply(int status, JsonNode body) {}

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
        if (passed) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }

    /** The embedded default of application.yml, in a directory of this test. */
    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath()
                + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    private Process start(int run) throws IOException {
        String jar = System.getProperty("ledger.jar");
        assertThat(jar).as("system property ledger.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).exists();
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx384m",
                "-jar",
                jar);
        builder.environment().put("LEDGER_DB_URL", databaseUrl());
        builder.environment().put("LEDGER_PORT", String.valueOf(port));
        builder.environment().put("LEDGER_DEPOSITARY_PASSWORD", DEPOSITARY.substring(DEPOSITARY.indexOf(':') + 1));
        builder.environment().put("LEDGER_AUDITOR_PASSWORD", AUDITOR.substring(AUDITOR.indexOf(':') + 1));
        builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve("service-" + run + ".log").toFile());
        Process process = builder.start();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("service exited; see " + dir)
                            .isTrue();
                    return get("/actuator/health", null).status() == 200;
                });
        return process;
    }

    private Reply send(HttpRequest.Builder request, String credentials) throws IOException, InterruptedException {
        if (credentials != null) {
            request.header(
                    "Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response =
                client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Reply(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body));
    }

    private Reply get(String path, String credentials) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), credentials);
    }

    private Reply post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request, DEPOSITARY);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKillAndTheReadModelsAgreeWithTheStore() throws Exception {
        dir = Files.createTempDirectory("ledger-crash-");
        port = freePort();
        service = start(1);

        String treaty = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        Reply registered = post(
                "/api/treaties",
                """
                {"id":"%s","reference":"CRASH-1","title":"Crash test treaty","adoptedOn":"2024-12-24",
                 "signature":{"opensOn":"2025-01-01","closesOn":"2026-12-31"},
                 "entryIntoForce":{"instrumentsRequired":500,"daysAfterThreshold":90,
                   "daysAfterLaterInstrument":30,"reioInstrumentsCount":false},
                 "denunciation":{"takesEffectAfterMonths":12}}"""
                        .formatted(treaty),
                null);
        assertThat(registered.status()).isEqualTo(201);

        String key = UUID.randomUUID().toString();
        String keyedBody = "{\"participant\":\"VNM\",\"signedOn\":\"2025-10-25\",\"place\":\"Hanoi\"}";
        Reply keyed = post("/api/treaties/" + treaty + "/signatures", keyedBody, key);
        assertThat(keyed.status()).isEqualTo(201);

        Queue<String> participants = new ConcurrentLinkedQueue<>();
        ParticipantRegistry.standard().all().stream()
                .filter(p -> p.kind() == Participant.Kind.STATE && !p.code().equals("VNM"))
                .map(Participant::code)
                .forEach(participants::add);
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            load.submit(() -> {
                String code;
                while ((code = participants.poll()) != null) {
                    try {
                        Reply reply = post(
                                "/api/treaties/" + treaty + "/signatures",
                                "{\"participant\":\"%s\",\"signedOn\":\"2025-10-25\"}".formatted(code),
                                null);
                        if (reply.status() == 201) {
                            acknowledged.put(code, reply.body().path("recordId").asText());
                        }
                    } catch (IOException e) {
                        return null; // the service is gone
                    }
                }
                return null;
            });
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 40);
        service.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
        assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        Map<String, String> acked = new HashMap<>(acknowledged);

        service = start(2);

        Reply retried = post("/api/treaties/" + treaty + "/signatures", keyedBody, key);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("recordId").asText())
                .isEqualTo(keyed.body().path("recordId").asText());

        String verifyPath = "/api/treaties/" + treaty + "/history/verify";
        // at once, without waiting: the read models committed with each event, so none has to catch up
        Reply atOnce = get(verifyPath, AUDITOR);
        Reply status = get("/api/treaties/" + treaty, null);
        assertThat(status.body().path("signatories").asLong())
                .isEqualTo(atOnce.body().path("records").asLong() - 1);
        assertThat(status.body().path("headHash").asText())
                .isEqualTo(atOnce.body().path("headHash").asText());
        Reply verification = get(verifyPath, AUDITOR);
        assertThat(verification.body().path("valid").asBoolean()).isTrue();
        long records = verification.body().path("records").asLong();

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, String> ack : acked.entrySet()) {
            Reply participant = get("/api/treaties/" + treaty + "/participants/" + ack.getKey(), null);
            if (participant.status() != 200
                    || !"2025-10-25".equals(participant.body().path("signedOn").asText())) {
                missing.add(ack.getKey());
            }
        }
        assertThat(missing).as("acknowledged but missing after the crash").isEmpty();
        assertThat(records).isGreaterThanOrEqualTo(acked.size() + 2L);

        service.destroy();
        assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertStoreAndReadModelAgree(treaty, acked, records);
        passed = true;
    }

    /** With the service stopped: the event store's records and the status rows are the same set. */
    private void assertStoreAndReadModelAgree(String treaty, Map<String, String> acked, long records) throws Exception {
        try (Connection db = DriverManager.getConnection(databaseUrl(), "sa", "");
                Statement sql = db.createStatement()) {
            Set<String> stored = new HashSet<>();
            try (ResultSet rs = sql.executeQuery("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = '"
                    + treaty + "' AND sequence_number > 0")) {
                while (rs.next()) {
                    stored.add(JSON.readTree(rs.getBytes(1)).path("recordId").asText());
                }
            }
            Set<String> projected = new HashSet<>();
            try (ResultSet rs =
                    sql.executeQuery("SELECT record_id FROM status_record WHERE treaty_id = '" + treaty + "'")) {
                while (rs.next()) {
                    projected.add(rs.getString(1));
                }
            }
            Set<String> audited = new HashSet<>();
            try (ResultSet rs = sql.executeQuery("SELECT record_id FROM history_record WHERE treaty_id = '" + treaty
                    + "' AND sequence_number > 0")) {
                while (rs.next()) {
                    audited.add(rs.getString(1));
                }
            }
            assertThat(stored).hasSize((int) records - 1);
            assertThat(projected).isEqualTo(stored);
            assertThat(audited)
                    .as("the audit history, written in the same transaction")
                    .isEqualTo(stored);
            assertThat(stored).containsAll(acked.values());
        }
    }
}
