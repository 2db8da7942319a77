package org.ratification.ledger.api.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings.
 *
 * @param progressInterval how often replay progress is sampled (events per second) and logged
 * @param maxProcessorLag how long a tracking processor (notifications, kafka-publisher) may leave an
 *     event of the store unhandled (failing and retrying, stopped, or slow) before health is DOWN
 */
@ConfigurationProperties("ledger.operations")
public record OperationsProperties(
        @DefaultValue("5s") Duration progressInterval, @DefaultValue("60s") Duration maxProcessorLag) {}
