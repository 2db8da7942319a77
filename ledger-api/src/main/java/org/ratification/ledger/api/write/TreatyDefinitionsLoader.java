package org.ratification.ledger.api.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ratification.ledger.api.config.AxonConfiguration;
import org.ratification.ledger.api.config.LedgerProperties;
import org.ratification.ledger.core.api.RegisterTreatyCommand;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.rules.RejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Registers the treaties defined in the repository (the Cybercrime Convention first) on start-up,
 * once: a treaty whose stream exists is left alone, so starting twice registers nothing twice.
 */
@Component
class TreatyDefinitionsLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TreatyDefinitionsLoader.class);

    private final LedgerWriter writer;
    private final EventStore eventStore;
    private final LedgerProperties properties;
    private final ObjectMapper json = AxonConfiguration.storageObjectMapper();

    TreatyDefinitionsLoader(LedgerWriter writer, EventStore eventStore, LedgerProperties properties) {
        this.writer = writer;
        this.eventStore = eventStore;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource :
                new PathMatchingResourcePatternResolver().getResources(properties.treatyDefinitions())) {
            TreatyDefinition definition;
            try (InputStream in = resource.getInputStream()) {
                definition = json.readValue(in, TreatyDefinition.class);
            }
            if (eventStore.lastSequenceNumberFor(definition.id()).isPresent()) {
                continue;
            }
            try {
                writer.record(recordId -> new RegisterTreatyCommand(definition.id(), recordId, definition));
                log.info("Registered treaty {} ({}) from {}", definition.id(), definition.reference(), resource);
            } catch (RejectedException e) {
                log.info("Treaty {} not registered from {}: {}", definition.id(), resource, e.getMessage());
            } catch (RuntimeException e) {
                if (eventStore.lastSequenceNumberFor(definition.id()).isEmpty()) {
                    throw e;
                }
                log.info("Treaty {} was registered meanwhile by another node", definition.id());
            }
        }
    }
}
