package org.ratification.ledger.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The ledger's own settings.
 *
 * @param treatyDefinitions where the definitions of treaties registered at start-up are
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(@DefaultValue("classpath*:treaties/*.json") String treatyDefinitions) {}
