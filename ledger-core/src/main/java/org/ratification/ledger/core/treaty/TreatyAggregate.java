package org.ratification.ledger.core.treaty;

import org.axonframework.config.AggregateConfigurer;

/** How the application registers the (package-private) Treaty aggregate with Axon. */
public final class TreatyAggregate {

    private TreatyAggregate() {}

    /** The Treaty with its commands' targets resolved by a {@link CachedTargetResolver}. */
    public static AggregateConfigurer<?> configurer() {
        return AggregateConfigurer.defaultConfiguration(Treaty.class)
                .configureCommandTargetResolver(c -> new CachedTargetResolver());
    }

    public static Class<?> type() {
        return Treaty.class;
    }
}
