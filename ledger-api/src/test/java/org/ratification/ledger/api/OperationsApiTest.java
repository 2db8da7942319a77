package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health, readiness, Prometheus metrics and the progress of a read-model rebuild. */
class OperationsApiTest extends ApiTestSupport {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void healthReportsTheDatabaseAndEveryEventProcessor() {
        Reply health = get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().path("status").asText()).isEqualTo("UP");
        assertThat(health.body().at("/components/db/status").asText()).isEqualTo("UP");
        JsonNode processors = health.body().at("/components/eventProcessors");
        assertThat(processors.path("status").asText()).isEqualTo("UP");
        assertThat(processors.at("/details/status/running").asBoolean()).isTrue();
        assertThat(processors.at("/details/status/status").asText()).isEqualTo("running");
        assertThat(get("/actuator/health/readiness").body().path("status").asText())
                .isEqualTo("UP");
        assertThat(get("/actuator/health/liveness").body().path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void infoShowsTheBuildAndTheCommit() {
        JsonNode info = get("/actuator/info").body();
        assertThat(info.at("/build/version").asText()).isNotBlank();
        assertThat(info.at("/build/artifact").asText()).isEqualTo("ledger-api");
        assertThat(info.at("/git/commit/id").asText()).matches("[0-9a-f]{7,}");
    }

    @Test
    void prometheusCountsRecordedAndRefusedCommandsAndShowsLagAndLatency() {
        String treaty = registerTreaty(40, 90, 30, false);
        String command = "command=\"SignConventionCommand\"";
        double recordedBefore = metric("ledger_commands_total", command, "outcome=\"recorded\"");
        double refusedBefore = metric("ledger_commands_total", command, "outcome=\"refused\"");
        double alreadySignedBefore = metric("ledger_commands_refused_total", command, "code=\"ALREADY_SIGNED\"");
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertThat(sign(treaty, "FRA", "2025-10-26").code()).isEqualTo("ALREADY_SIGNED");

        assertThat(metric("ledger_commands_total", command, "outcome=\"recorded\""))
                .isEqualTo(recordedBefore + 1);
        assertThat(metric("ledger_commands_total", command, "outcome=\"refused\""))
                .isEqualTo(refusedBefore + 1);
        assertThat(metric("ledger_commands_refused_total", command, "code=\"ALREADY_SIGNED\""))
                .isEqualTo(alreadySignedBefore + 1);
        String scrape = scrape();
        // a success has no code; the code is on the refusals only
        assertThat(scrape).doesNotContainPattern("(?m)^ledger_commands_total\\{[^}]*code=");
        assertThat(scrape).containsPattern("ledger_recording_seconds_count(\\{[^}]*})? [1-9]");
        // a histogram with fixed buckets, so that quantiles aggregate across nodes
        for (String le : List.of("0.005", "0.1", "1.0", "2.0", "5.0")) {
            assertThat(scrape)
                    .containsPattern(
                            "ledger_recording_seconds_bucket\\{(?=[^}]*le=\"" + Pattern.quote(le) + "\")[^}]*} \\d");
        }
        assertThat(scrape).containsPattern("ledger_recording_seconds_bucket\\{(?=[^}]*le=\"\\+Inf\")[^}]*} [1-9]");
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        assertThat(value(scrape, "ledger_events_head\\{?[^ ]*")).isEqualTo(head);
        // the tracking processors report their lag (ProcessorHealthApiTest: it turns health DOWN);
        // inline read models have none
        assertThat(value(scrape, "ledger_processor_lag\\{[^}]*processor=\"notifications\"[^}]*}"))
                .isBetween(0.0, (double) head);
        assertThat(scrape()).doesNotContainPattern("ledger_processor_lag\\{[^}]*processor=\"status\"");
    }

    @Test
    void axonMonitorsTheProcessorsAndTheCommandBus() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "PRT", "2025-10-25").status()).isEqualTo(201);
        String notifications = "processorName=\"notifications\"";
        String signed = "payloadType=\"ConventionSignedEvent\"";
        // the tracking processor handles the event after the 201
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(metric("eventProcessor_processedCounter_total", notifications, signed))
                        .isPositive());
        assertThat(metric("eventProcessor_successCounter_total", notifications, signed))
                .isPositive();
        assertThat(metric("eventProcessor_allTimer_seconds_count", notifications, signed))
                .isPositive();
        // inline read models are monitored too
        assertThat(metric("eventProcessor_processedCounter_total", "processorName=\"status\"", signed))
                .isPositive();
        assertThat(metric("commandBus_successCounter_total", "payloadType=\"SignConventionCommand\""))
                .isPositive();
        String scrape = scrape();
        assertThat(scrape).containsPattern("(?m)^eventProcessor_latency\\{[^}]*" + notifications);
        // bounded: no per-node quantiles, no timer per outcome (the counters say it), no other tags
        assertThat(scrape).doesNotContainPattern("(?m)^(eventProcessor|commandBus)_\\w+\\{[^}]*quantile=");
        assertThat(scrape).doesNotContainPattern("(?m)^(eventProcessor|commandBus)_(success|failure|ignored)Timer");
        Matcher labels = Pattern.compile("(?m)^(?:eventProcessor|commandBus)_\\w+\\{([^}]*)}")
                .matcher(scrape);
        while (labels.find()) {
            assertThat(labels.group(1)).matches("(?:(?:payloadType|processorName)=\"\\w*\",?)+");
        }
        // our lag in events stays (Axon's latency is in milliseconds)
        assertThat(scrape).containsPattern("(?m)^ledger_processor_lag\\{[^}]*processor=\"notifications\"");
    }

    @Test
    void aRebuildReportsItsProgressUntilTheReadModelHasCaughtUp() {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "VNM", "2025-10-25").status()).isEqualTo(201);
        long head = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        JsonNode inline = progressOf("status");
        assertThat(inline.path("position").asLong())
                .as("inline: at the head at once")
                .isEqualTo(head);
        assertThat(inline.path("percent").asDouble()).isEqualTo(100.0);
        assertThat(inline.path("behind").asLong()).isZero();
        assertThat(inline.path("replaying").asBoolean()).isFalse();

        StreamingEventProcessor notifications = processing
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        notifications.shutDown();
        try {
            notifications.resetTokens();
            JsonNode reset = progressOf("notifications");
            assertThat(reset.path("replaying").asBoolean()).isTrue();
            assertThat(reset.path("position").asLong()).isZero();
            assertThat(reset.path("percent").asDouble()).isZero();
            assertThat(reset.path("behind").asLong()).isEqualTo(head);
        } finally {
            notifications.start();
        }
        assertThat(post("/api/admin/rebuild/status", null).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode rebuilt = progressOf("status");
            assertThat(rebuilt.path("replaying").asBoolean()).isFalse();
            assertThat(rebuilt.path("percent").asDouble()).isEqualTo(100.0);
        });
        // the replay of the tracking processor moves on (whether it reaches the head depends on what
        // other test classes recorded in this shared context; ProcessorHealthApiTest covers a stuck one)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        progressOf("notifications").path("position").asLong())
                .isPositive());
        assertThat(get("/api/treaties/" + treaty + "/participants/VNM")
                        .body()
                        .path("signedOn")
                        .asText())
                .isEqualTo("2025-10-25");
    }

    private JsonNode progressOf(String processor) {
        Reply progress = get("/api/admin/rebuild/progress");
        assertThat(progress.status()).isEqualTo(200);
        for (JsonNode entry : progress.body()) {
            if (entry.path("processor").asText().equals(processor)) {
                return entry;
            }
        }
        throw new AssertionError("No progress for " + processor + ": " + progress.body());
    }

    private String scrape() {
        var response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    /** The value of the series of {@code name} whose labels include every one of {@code labels}. */
    private double metric(String name, String... labels) {
        String scrape = scrape();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape);
        while (line.find()) {
            String found = line.group(1);
            if (Arrays.stream(labels).allMatch(found::contains)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(series + " in\n" + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
