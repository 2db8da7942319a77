package org.ratification.ledger.projections.changes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.projections.status.StatusRepository;
import org.ratification.ledger.projections.timetravel.TimeTravel;
import org.springframework.stereotype.Service;

/**
 * What changed between two legal dates, from the status read model, or as the ledger stated it at
 * a recording instant (time travel).
 */
@Service
public class ChangeQueries {

    private final StatusRepository status;
    private final TimeTravel timeTravel;
    private final StatusChanges changes = new StatusChanges(ParticipantRegistry.standard());

    public ChangeQueries(StatusRepository status, TimeTravel timeTravel) {
        this.status = status;
        this.timeTravel = timeTravel;
    }

    /** Empty if the treaty is unknown (or was not yet registered at {@code recordedAt}). */
    public Optional<ChangesView> changes(String treatyId, LocalDate from, LocalDate to, Instant recordedAt) {
        if (recordedAt != null) {
            return timeTravel
                    .facts(treatyId, recordedAt)
                    .map(facts -> changes.between(facts.definition(), facts.actions(), from, to));
        }
        return status.treaty(treatyId)
                .map(definition -> changes.between(definition, status.actions(treatyId), from, to));
    }
}
