package org.ratification.ledger.core.treaty;

import org.axonframework.config.AggregateConfigurer;

/** How the application registers the (package-private) Treaty aggregate with Axon. */
public final class TreatyAggregate {

    private TreatyAggregate() {}

    public static AggregateConfigurer<?> configurer() {
        return AggregateConfigurer.defaultConfiguration(Treaty.class);
    }

    public static Class<?> type() {
        return Treaty.class;
    }
}
