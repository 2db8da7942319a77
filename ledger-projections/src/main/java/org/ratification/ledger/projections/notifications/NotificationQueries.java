package org.ratification.ledger.projections.notifications;

import java.util.List;
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
}
