package org.ratification.ledger.projections.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ratification.ledger.core.api.ReservationView;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.api.TreatyStatusView;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.StatusCalculator;
import org.springframework.stereotype.Service;

/** Answers status questions from the status read model, for any legal date. */
@Service
public class StatusQueries {

    private final StatusRepository repository;
    private final StatusCalculator calculator = new StatusCalculator(ParticipantRegistry.standard());

    public StatusQueries(StatusRepository repository) {
        this.repository = repository;
    }

    /** The treaty line and participants table on {@code asOf}, if the treaty is known. */
    public Optional<StatusCalculator.Status> status(String treatyId, LocalDate asOf) {
        return repository.treaty(treatyId).map(definition -> status(definition, asOf));
    }

    public List<TreatyStatusView> treaties(LocalDate asOf) {
        return repository.treaties().stream()
                .map(definition -> status(definition, asOf).treaty())
                .toList();
    }

    /** Reservations made by {@code asOf}, with the objections to each and whether they were timely. */
    public Optional<List<ReservationView>> reservations(String treatyId, LocalDate asOf) {
        return repository.treaty(treatyId).map(d -> calculator.reservations(repository.actions(treatyId), asOf));
    }

    /** A protocol's status depends on its parent's status on the same date. */
    private StatusCalculator.Status status(TreatyDefinition definition, LocalDate asOf) {
        StatusCalculator.Status parent = definition.parentTreatyId() == null
                ? null
                : status(definition.parentTreatyId(), asOf).orElse(null);
        return calculator.asOf(definition, repository.actions(definition.id()), asOf, parent);
    }
}
