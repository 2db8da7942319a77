package org.ratification.ledger.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's own settings.
 *
 * @param treatyDefinitions where the definitions of treaties registered at start-up are
 * @param readYourWritesTimeout how long a write waits for the status read model to show it
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(
        @DefaultValue("classpath*:treaties/*.json") String treatyDefinitions,
        @DefaultValue("2s") Duration readYourWritesTimeout) {}
