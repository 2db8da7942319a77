package org.ratification.ledger.core.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyEvent;
import org.ratification.ledger.core.api.TreatyRegisteredEvent;

/**
 * A treaty's facts as its events state them: the definition and every action record with its
 * corrections applied. The one fold of the ledger: the aggregate decides on it, time travel and
 * the offline verifier compute status from it. Mutable for speed: {@link #trying} applies a record,
 * decides on the result and takes the record back; {@link #copy()} gives a scratch copy.
 */
public final class TreatyFacts {

    private final TreatyDefinition definition;
    private final Map<String, Action> actions;
    private final Set<String> recordIds;

    /** Record ids of each participant's actions of each kind, and of the actions referring to each record (not serialized). */
    private transient Map<ParticipantKind, Set<String>> byParticipant;

    private transient Map<String, Set<String>> byReference;

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

    /**
     * Applies a new record (its id not yet used), answers what {@code decision} makes of the result,
     * and takes the record back: the facts are as before, in the same order.
     */
    public <T> T trying(TreatyEvent event, Function<TreatyFacts, T> decision) {
        if (hasRecord(event.recordId())) {
            throw new IllegalArgumentException("Record id '" + event.recordId() + "' is already used.");
        }
        String targetId = event instanceof RecordCorrectedEvent e
                ? e.correctsRecordId()
                : event instanceof RecordRetractedEvent e ? e.retractsRecordId() : null;
        Action target = targetId == null ? null : actions.get(targetId);
        apply(event);
        try {
            return decision.apply(this);
        } finally {
            recordIds.remove(event.recordId());
            Action added = actions.remove(event.recordId());
            if (added != null) {
                unindex(added);
            }
            if (target != null) {
                put(target);
            }
        }
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
        Action previous = actions.put(action.recordId(), action);
        if (byParticipant != null) {
            if (previous != null) {
                unindex(previous);
            }
            index(action);
        }
    }

    private void index(Action action) {
        if (action.participant() != null) {
            byParticipant
                    .computeIfAbsent(new ParticipantKind(action.participant(), action.kind()), p -> new HashSet<>())
                    .add(action.recordId());
        }
        if (action.refersTo() != null) {
            byReference.computeIfAbsent(action.refersTo(), r -> new HashSet<>()).add(action.recordId());
        }
    }

    private void unindex(Action action) {
        if (byParticipant == null) {
            return;
        }
        if (action.participant() != null) {
            byParticipant
                    .getOrDefault(new ParticipantKind(action.participant(), action.kind()), Set.of())
                    .remove(action.recordId());
        }
        if (action.refersTo() != null) {
            byReference.getOrDefault(action.refersTo(), Set.of()).remove(action.recordId());
        }
    }

    /** The indexes, built at first use (after a fold, a copy or a snapshot's load). */
    private void indexed() {
        if (byParticipant == null) {
            byParticipant = new HashMap<>();
            byReference = new HashMap<>();
            actions.values().forEach(this::index);
        }
    }

    /** Live actions of one kind by one participant, in no particular order. */
    public List<Action> live(String participant, ActionKind kind) {
        indexed();
        return byParticipant.getOrDefault(new ParticipantKind(participant, kind), Set.of()).stream()
                .map(actions::get)
                .filter(Action::live)
                .toList();
    }

    /** A participant's actions of one kind (an index's key). */
    private record ParticipantKind(String participant, ActionKind kind) {}

    /** Live actions referring to the record {@code recordId}, in no particular order. */
    public List<Action> referringTo(String recordId) {
        indexed();
        return byReference.getOrDefault(recordId, Set.of()).stream()
                .map(actions::get)
                .filter(Action::live)
                .toList();
    }

    /** Live (not retracted) actions of one kind, in recording order. */
    public List<Action> live(ActionKind kind) {
        return actions.values().stream()
                .filter(a -> a.live() && a.kind() == kind)
                .toList();
    }

    /** Whether a live withdrawal by the author of {@code target} refers to it, dated on or before {@code date}. */
    public boolean isWithdrawn(Action target, LocalDate date) {
        return referringTo(target.recordId()).stream()
                .anyMatch(a -> a.communicationKind() == CommunicationKind.WITHDRAWAL
                        && target.participant().equals(a.participant())
                        && !a.date().isAfter(date));
    }
}
