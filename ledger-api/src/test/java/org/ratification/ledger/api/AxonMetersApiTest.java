package org.ratification.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * Axon's capacity gauges are registered once per component and payload type: recording commands of
 * several types, and the same type again, makes Micrometer log no "already registered" (it logs the
 * first such WARN once per JVM, then at DEBUG, which this test's context turns on so that a WARN
 * another test already caused cannot hide one here), and the gauges and the other meters are there.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.level.io.micrometer.core.instrument.MeterRegistry=DEBUG")
class AxonMetersApiTest extends ApiTestSupport {

    private String scrape() {
        var response = http.getForEntity("/actuator/prometheus", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    @Test
    void twoCommandTypesRecordedTwiceRegisterEachCapacityGaugeOnce(CapturedOutput output) {
        String treaty = registerTreaty(40, 90, 30, false);
        assertThat(sign(treaty, "FRA", "2025-10-25").status()).isEqualTo(201);
        assertThat(sign(treaty, "DEU", "2025-10-25").status()).isEqualTo(201);
        assertThat(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10").status())
                .isEqualTo(201);
        assertThat(deposit(treaty, "DEU", "RATIFICATION", "2026-01-11").status())
                .isEqualTo(201);
        // the tracking processors have handled the events too
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(scrape())
                .containsPattern("(?m)^eventProcessor_capacity\\{[^}]*payloadType=\"InstrumentDepositedEvent\""
                        + "[^}]*processorName=\"notifications\""));

        assertThat(output.getAll()).doesNotContain("has been already registered");
        String scrape = scrape();
        for (String command :
                new String[] {"RegisterTreatyCommand", "SignConventionCommand", "DepositInstrumentCommand"}) {
            String type = "payloadType=\"" + command + "\"";
            assertThat(scrape).containsPattern("(?m)^commandBus_capacity\\{[^}]*" + type + "[^}]*} \\S+$");
            assertThat(scrape).containsPattern("(?m)^commandBus_successCounter_total\\{[^}]*" + type + "[^}]*} [1-9]");
            assertThat(scrape)
                    .containsPattern("(?m)^commandBus_allTimer_seconds_count\\{[^}]*" + type + "[^}]*} [1-9]");
        }
        assertThat(scrape).containsPattern("(?m)^eventProcessor_capacity\\{[^}]*processorName=\"status\"");
        assertThat(scrape).containsPattern("(?m)^eventProcessor_latency\\{[^}]*processorName=\"notifications\"");
    }
}
