package org.ratification.ledger.api.admin;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs {@link ReadModelAdmin#reconcileVersions()} when Axon starts, in the phase just before the
 * event processors start, so a read model whose version changed is rebuilt from its first event.
 */
@Configuration
class ReadModelVersionCheck {

    /** Started just before the processors, which start in {@link Phase#INBOUND_EVENT_CONNECTORS}. */
    static final int PHASE = Phase.INBOUND_EVENT_CONNECTORS - 1;

    @Bean
    ConfigurerModule readModelVersionCheckModule(ObjectProvider<ReadModelAdmin> admin) {
        return configurer -> configurer.onStart(PHASE, () -> admin.getObject().reconcileVersions());
    }
}
