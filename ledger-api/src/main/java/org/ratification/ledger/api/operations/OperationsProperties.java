package org.ratification.ledger.api.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings.
 *
 * @param progressInterval how often replay progress is sampled (events per second) and logged
 */
@ConfigurationProperties("ledger.operations")
public record OperationsProperties(@DefaultValue("5s") Duration progressInterval) {}
