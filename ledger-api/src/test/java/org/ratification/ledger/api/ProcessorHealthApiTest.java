package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.api.processors.ProvokesProcessorErrors;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * A tracking processor that fails (and retries) or is stopped makes health and readiness DOWN,
 * with its position, the head and its last error; once it recovers and catches up, UP again.
 */
@Import(ProcessorHealthApiTest.Flaky.class)
@TestPropertySource(
        properties = {
            "ledger.operations.max-processor-lag=2s",
            "axon.eventhandling.processors.flaky.mode=pooled",
            "axon.eventhandling.processors.flaky.initial-segment-count=1",
            "axon.eventhandling.processors.flaky.token-claim-interval=200"
        })
class ProcessorHealthApiTest extends ApiTestSupport {

    static volatile boolean failing;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    @ProvokesProcessorErrors("the flaky test processor fails on purpose until it is allowed to catch up")
    void aFailingTrackingProcessorTurnsHealthDownAfterTheMaxLagAndUpWhenItCatchesUp() {
        awaitHealth("UP");
        failing = true;
        try {
            String treaty = registerTreaty(40, 90, 30, false);
            assertThat(sign(treaty, "FRA", "2025-10-25").status())
                    .as("recording does not wait for a tracking processor")
                    .isEqualTo(201);
            JsonNode down = awaitHealth("DOWN");
            JsonNode flaky = down.at("/components/eventProcessors/details/flaky");
            assertThat(flaky.path("status").asText()).isEqualTo("error");
            assertThat(flaky.path("lastError").asText()).contains("flaky read model cannot");
            assertThat(flaky.path("position").asLong())
                    .isLessThan(flaky.path("head").asLong());
            assertThat(flaky.path("behind").asLong()).isPositive();
            assertThat(flaky.path("behindSince").asText()).isNotEmpty();
            assertThat(down.at("/components/eventProcessors/details/notifications/status")
                            .asText())
                    .isEqualTo("running");
            assertThat(get("/actuator/health/readiness").body().path("status").asText())
                    .isEqualTo("DOWN");
            String scrape =
                    http.getForEntity("/actuator/prometheus", String.class).getBody();
            assertThat(scrape).containsPattern("ledger_processor_lag\\{[^}]*processor=\"flaky\"[^}]*} [1-9]");
        } finally {
            failing = false;
        }
        awaitHealth("UP");
        assertThat(get("/actuator/health/readiness").body().path("status").asText())
                .isEqualTo("UP");
    }

    @Test
    void aStoppedTrackingProcessorIsDown() {
        awaitHealth("UP");
        StreamingEventProcessor notifications = processing
                .eventProcessor("notifications", StreamingEventProcessor.class)
                .orElseThrow();
        notifications.shutDown();
        try {
            JsonNode down = get("/actuator/health").body();
            assertThat(down.path("status").asText()).isEqualTo("DOWN");
            assertThat(down.at("/components/eventProcessors/details/notifications/running")
                            .asBoolean())
                    .isFalse();
        } finally {
            notifications.start();
        }
        awaitHealth("UP");
    }

    private JsonNode awaitHealth(String status) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> get("/actuator/health").body(),
                        h -> h.path("status").asText().equals(status));
    }

    /** A tracking processor of the test's own, failing while {@link #failing} is set. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Flaky {

        @Bean
        FlakyReadModel flakyReadModel() {
            return new FlakyReadModel();
        }

        @ProcessingGroup("flaky")
        static class FlakyReadModel {
            @EventHandler
            void on(ConventionSignedEvent event) {
                if (failing) {
                    throw new IllegalStateException("the flaky read model cannot take " + event.participant());
                }
            }
        }
    }
}
