package org.ratification.ledger.api.log;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import org.ratification.ledger.projections.notifications.NotificationView;

/**
 * A depositary notification with the place of its record in the log: the leaf index and the first
 * signed checkpoint that covers it, joined when the notification is read (both null until the log
 * processor has appended the record and signed its batch).
 */
public record LoggedNotification(
        @JsonUnwrapped NotificationView notification, Long leafIndex, SignedCheckpoint checkpoint) {

    public static List<LoggedNotification> of(List<NotificationView> notifications, LogService log) {
        Map<String, LogService.RecordInLog> inLog = log.recordsInLog(notifications.stream()
                .map(NotificationView::recordId)
                .distinct()
                .toList());
        return notifications.stream()
                .map(n -> {
                    LogService.RecordInLog place = inLog.get(n.recordId());
                    return new LoggedNotification(
                            n, place == null ? null : place.leafIndex(), place == null ? null : place.checkpoint());
                })
                .toList();
    }
}
