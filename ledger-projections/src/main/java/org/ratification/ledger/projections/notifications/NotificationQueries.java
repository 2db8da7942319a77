package org.ratification.ledger.projections.notifications;

import java.util.List;
import java.util.Optional;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.springframework.stereotype.Service;

/** Answers questions about depositary notifications. */
@Service
public class NotificationQueries {

    private final NotificationRepository repository;

    public NotificationQueries(NotificationRepository repository) {
        this.repository = repository;
    }

    /** A treaty's notifications, the newest last. */
    public List<NotificationView> notifications(String treatyId) {
        return repository.notifications(treatyId);
    }

    /** Notifications across treaties, the newest first; a null filter matches everything. */
    public List<NotificationView> search(String treatyId, String participant, Integer year, String action, int limit) {
        return repository.search(treatyId, participant, year, action, limit, false);
    }

    /** As {@link #search}, with the French subject, text and participant name where they were issued. */
    public List<NotificationView> search(
            String treatyId, String participant, Integer year, String action, int limit, boolean french) {
        return repository.search(treatyId, participant, year, action, limit, french);
    }

    /** A registered treaty's definition (its titles, clauses and opening for signature). */
    public Optional<TreatyDefinition> definition(String treatyId) {
        return repository.definition(treatyId);
    }
}
