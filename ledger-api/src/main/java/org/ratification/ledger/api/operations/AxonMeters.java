package org.ratification.ledger.api.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the meters of Axon's monitors (axon-micrometer, dimensional: {@code eventProcessor.*} tagged
 * by processor and payload type, {@code commandBus.*} by payload type) to a bounded number of series:
 * per processor and event type (or command type) one timer ({@code allTimer}: count, sum, max), the
 * capacity and the counters of ingested, processed, succeeded, failed and ignored messages. The timers
 * per outcome repeat what the counters say, and the per-node quantiles Axon publishes would add six
 * series per timer that do not aggregate across nodes. The monitors are Axon's, but for the gauges,
 * registered once each ({@link AxonMonitors}).
 */
@Configuration(proxyBeanMethods = false)
class AxonMeters {

    static final String EVENT_PROCESSOR = "eventProcessor.";
    static final String COMMAND_BUS = "commandBus.";

    /** Takes the place of the GlobalMetricRegistry Axon's auto-configuration would build. */
    @Bean
    GlobalMetricRegistry axonMonitors(MeterRegistry registry) {
        return new AxonMonitors(registry);
    }

    @Bean
    MeterFilter axonMeterFilter() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                if (axon(id) && id.getName().matches(".*\\.(success|failure|ignored)Timer")) {
                    return MeterFilterReply.DENY;
                }
                return MeterFilterReply.NEUTRAL;
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!axon(id)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentiles()
                        .percentilesHistogram(false)
                        .build()
                        .merge(config);
            }
        };
    }

    private static boolean axon(Meter.Id id) {
        return id.getName().startsWith(EVENT_PROCESSOR) || id.getName().startsWith(COMMAND_BUS);
    }
}
