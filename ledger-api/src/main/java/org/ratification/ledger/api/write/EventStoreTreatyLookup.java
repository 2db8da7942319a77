package org.ratification.ledger.api.write;

import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.rules.TreatyFacts;
import org.ratification.ledger.core.rules.TreatyLookup;
import org.springframework.stereotype.Component;

/**
 * Another treaty's facts, folded from its events in the event store (never from a read model), for
 * the decisions of a protocol that depend on its parent.
 */
@Component
class EventStoreTreatyLookup implements TreatyLookup {

    private final EventStore eventStore;

    EventStoreTreatyLookup(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<TreatyFacts> facts(String treatyId) {
        var events = eventStore
                .readEvents(treatyId, 0L)
                .asStream()
                .map(DomainEventMessage::getPayload)
                .filter(TreatyEvent.class::isInstance)
                .map(TreatyEvent.class::cast)
                .toList();
        return Optional.ofNullable(TreatyFacts.fold(events));
    }
}
