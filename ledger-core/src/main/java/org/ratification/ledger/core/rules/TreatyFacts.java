package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/**
 * A treaty's facts as its events state them: the definition and every action record with its
 * corrections applied. The one fold of the ledger: the aggregate decides on it, time travel and
 * the offline verifier compute status from it. Mutable for speed; {@link #copy()} gives a
 * scratch copy to try a decision on.
 */
public final class TreatyFacts {

    private final TreatyDefinition definition;
    private final Map<String, Action> actions;
    private final Set<String> recordIds;

    public TreatyFacts(TreatyDefinition definition) {
        this(definition, new LinkedHashMap<>(), new LinkedHashSet<>());
    }

    private TreatyFacts(TreatyDefinition definition, Map<String, Action> actions, Set<String> recordIds) {
        this.definition = definition;
        this.actions = actions;
        this.recordIds = recordIds;
    }

    /** Folds a whole stream, starting with its {@link TreatyRegisteredEvent}. */
    public static TreatyFacts fold(List<? extends TreatyEvent> events) {
        TreatyFacts facts = null;
        for (TreatyEvent event : events) {
            if (event instanceof TreatyRegisteredEvent registered) {
                facts = new TreatyFacts(registered.definition());
                facts.recordIds.add(registered.recordId());
            } else if (facts != null) {
                facts.apply(event);
            }
        }
        return facts;
    }

    public TreatyFacts copy() {
        return new TreatyFacts(definition, new LinkedHashMap<>(actions), new LinkedHashSet<>(recordIds));
    }

    public TreatyDefinition definition() {
        return definition;
    }

    /** Every action record in recording order, retracted ones included. */
    public Collection<Action> actions() {
        return actions.values();
    }

    public Optional<Action> action(String recordId) {
        return Optional.ofNullable(actions.get(recordId));
    }

    /** Whether any record (an action, a correction, a retraction) has this id. */
    public boolean hasRecord(String recordId) {
        return recordIds.contains(recordId);
    }

    public TreatyFacts apply(TreatyEvent event) {
        recordIds.add(event.recordId());
        Action.from(event).ifPresent(this::put);
        if (event instanceof RecordCorrectedEvent e) {
            Action target = actions.get(e.correctsRecordId());
            if (target != null) {
                put(target.corrected(e, definition.denunciation()));
            }
        } else if (event instanceof RecordRetractedEvent e) {
            Action target = actions.get(e.retractsRecordId());
            if (target != null) {
                put(target.retract());
            }
        }
        return this;
    }

    /** When a denunciation received on {@code receivedOn} takes effect under this treaty. */
    public LocalDate denunciationTakesEffect(LocalDate receivedOn) {
        return Action.denunciationTakesEffect(definition.denunciation(), receivedOn);
    }

    private void put(Action action) {
        actions.put(action.recordId(), action);
    }

    /** Live (not retracted) actions of one kind, in recording order. */
    public List<Action> live(ActionKind kind) {
        return actions.values().stream()
                .filter(a -> a.live() && a.kind() == kind)
                .toList();
    }

    /** Whether a live withdrawal by the author of {@code target} refers to it, dated on or before {@code date}. */
    public boolean isWithdrawn(Action target, LocalDate date) {
        return actions.values().stream()
                .anyMatch(a -> a.live()
                        && a.communicationKind() == CommunicationKind.WITHDRAWAL
                        && target.recordId().equals(a.refersTo())
                        && target.participant().equals(a.participant())
                        && !a.date().isAfter(date));
    }
}
