package org.ratification.ledger.api.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Input limits ({@code ledger.limits.*}).
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 PAYLOAD_TOO_LARGE
 */
@ConfigurationProperties("ledger.limits")
public record LimitSettings(@DefaultValue("256KB") DataSize maxRequestBody) {}
