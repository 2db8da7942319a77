package org.ratification.ledger.core.rules;

import java.util.Optional;

/**
 * Reads another treaty's facts from the event store, for the decisions of a protocol that depend on
 * its parent treaty. Implemented by the application; the aggregate receives it as a resource.
 */
public interface TreatyLookup {

    Optional<TreatyFacts> facts(String treatyId);
}
