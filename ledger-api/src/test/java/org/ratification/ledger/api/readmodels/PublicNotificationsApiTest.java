package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * What anonymous readers get of the depositary notifications (the API, the notifications page's data,
 * the Atom feeds) against what the public envelope of the event stream withholds: a notification is a
 * public document of the depositary (the security table, DOMAIN.md), so it names the action, the
 * participant, the date and quotes the communication, as a C.N. does, with the record's id and head
 * hash that status and log proofs publish anyway; but it never names the recorder, and it carries no
 * member of the stored record beyond its own documented fields.
 */
class PublicNotificationsApiTest extends ReadModelTestSupport {

    /** NotificationView's members, and the log's leaf and checkpoint the treaty's list adds. */
    private static final Set<String> FIELDS = Set.of(
            "reference",
            "number",
            "year",
            "treatyId",
            "recordId",
            "action",
            "participant",
            "participantName",
            "legalDate",
            "recordedAt",
            "refersTo",
            "refersToReference",
            "entryIntoForceOn",
            "subject",
            "text",
            "headHash");

    private static final Set<String> LOGGED = Set.of("leafIndex", "checkpoint");

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private String anonymousAtom(String path) {
        ResponseEntity<String> reply = new org.springframework.boot.test.web.client.TestRestTemplate()
                .exchange(http.getRootUri() + path, HttpMethod.GET, new HttpEntity<>(new HttpHeaders()), String.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        return reply.getBody();
    }

    @Test
    void anonymousNotificationViewsCarryNoRecorderNorAnyMemberBeyondTheNotification() {
        String treaty = registerTreaty(2, 90, 30, false);
        sign(treaty, "FRA", "2025-10-25");
        deposit(treaty, "FRA", "RATIFICATION", "2026-01-10");
        communicate(treaty, "FRA", "RESERVATION", "2026-01-10", "France reserves the right.", null);
        awaitNotifications(treaty, 3);

        JsonNode list = as(Role.ANONYMOUS)
                .get("/api/treaties/" + treaty + "/notifications")
                .body();
        JsonNode page =
                as(Role.ANONYMOUS).get("/api/notifications?treaty=" + treaty).body();
        assertThat(list).hasSize(3);
        assertThat(page).hasSize(3);
        for (JsonNode n : list) {
            assertThat(names(n)).containsAll(FIELDS).allMatch(name -> FIELDS.contains(name) || LOGGED.contains(name));
        }
        for (JsonNode n : page) {
            assertThat(names(n)).containsExactlyInAnyOrderElementsOf(FIELDS);
        }
        String json = list.toString() + page;
        String atom = anonymousAtom("/feeds/treaties/" + treaty + "/notifications.atom")
                + anonymousAtom("/feeds/notifications.atom");
        for (String view : List.of(json, atom)) {
            assertThat(view)
                    .doesNotContain("recordedBy")
                    .doesNotContain("previousHash")
                    .doesNotContain("metadata");
        }
        // the recorder is on the record (auditors see it), never in a notification
        JsonNode history = as(Role.AUDITOR)
                .get("/api/treaties/" + treaty + "/history?size=500")
                .body();
        assertThat(history.path("records").get(1).path("recordedBy").asText()).isEqualTo("depositary");
        for (JsonNode n : list) {
            assertThat(n.path("text").asText() + n.path("subject").asText()).doesNotContainIgnoringCase("recorded by");
        }
        // the communication is quoted, as a depositary notification circulates it
        assertThat(list.get(2).path("text").asText()).contains("France reserves the right.");
    }
}
