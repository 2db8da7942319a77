package org.ratification.ledger.api.readmodels;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Depositary notifications: one per action, with unique references and the entry into force. */
class NotificationsApiTest extends ReadModelTestSupport {

    private static final Pattern REFERENCE = Pattern.compile("C\\.N\\.(\\d+)\\.(\\d{4})\\.TREATIES-(.+)");

    @Test
    void everyActionGetsANotificationWithAUniqueRunningReference() {
        String treaty = registerTreaty(2, 90, 30, false);
        String signature = recordId(sign(treaty, "FRA", "2025-10-25"));
        recordId(deposit(treaty, "FRA", "RATIFICATION", "2026-01-10"));
        recordId(deposit(treaty, "NRU", "ACCESSION", "2026-01-11"));
        JsonNode notes = awaitNotifications(treaty, 3);

        int year = Instant.now().atOffset(ZoneOffset.UTC).getYear();
        // the treaty's reference is TEST-t-<8 hex>; its last '-' becomes '.'
        String suffix = "TEST-t." + treaty.substring(2);
        List<Integer> numbers = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (JsonNode n : notes) {
            Matcher m = REFERENCE.matcher(n.path("reference").asText());
            assertThat(m.matches()).as(n.path("reference").asText()).isTrue();
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(year);
            assertThat(n.path("year").asInt()).isEqualTo(year);
            assertThat(m.group(3)).isEqualTo(suffix);
            numbers.add(Integer.parseInt(m.group(1)));
            assertThat(n.path("number").asInt()).isEqualTo(Integer.parseInt(m.group(1)));
            references.add(n.path("reference").asText());
        }
        assertThat(references).hasSize(3);
        assertThat(numbers.get(1)).isEqualTo(numbers.get(0) + 1);
        assertThat(numbers.get(2)).isEqualTo(numbers.get(1) + 1);
        assertThat(notes.get(0).path("recordId").asText()).isEqualTo(signature);
        assertThat(notes)
                .extracting(n -> n.path("action").asText())
                .containsExactly("SIGNATURE", "INSTRUMENT", "INSTRUMENT");
        assertThat(notes.get(0).path("subject").asText()).isEqualTo("FRANCE: SIGNATURE");
        assertThat(notes.get(0).path("text").asText()).contains("On 25 October 2025, France signed the Test treaty");
        assertThat(notes.get(2).path("subject").asText()).isEqualTo("NAURU: ACCESSION");

        // the references of all notifications issued so far, of every treaty, are unique
        List<String> all = jdbc.queryForList("SELECT reference FROM notification", String.class);
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
    }

    @Test
    void anInstrumentNotificationSaysWhenTheTreatyEntersIntoForceForItsAuthor() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        deposit(treaty, "NRU", "ACCESSION", "2026-01-20");
        deposit(treaty, "TUV", "ACCESSION", "2026-06-01");
        JsonNode notes = awaitNotifications(treaty, 4);

        JsonNode first = notes.get(1);
        assertThat(first.path("entryIntoForceOn").isNull()).isTrue();
        assertThat(first.path("text").asText())
                .contains("On 10 January 2026, France deposited its instrument of ratification of the Test treaty")
                .contains("will enter into force for France in accordance with its entry-into-force provisions once"
                        + " the required number of instruments is reached: on the 90th day after the date of"
                        + " deposit of the 2nd instrument")
                .contains("Instruments counted so far: 1 of 2.");
        JsonNode threshold = notes.get(2);
        assertThat(threshold.path("entryIntoForceOn").asText()).isEqualTo("2026-04-20");
        assertThat(threshold.path("text").asText())
                .contains("instrument of accession to the Test treaty")
                .contains("With this instrument the 2nd instrument has been deposited")
                .contains("enters into force on 20 April 2026");
        JsonNode later = notes.get(3);
        assertThat(later.path("entryIntoForceOn").asText()).isEqualTo("2026-07-01");
        assertThat(later.path("text").asText())
                .contains("enters into force for Tuvalu on 1 July 2026: the 30th day after the date of deposit of"
                        + " its instrument");
    }

    @Test
    void correctionsRetractionsAndCommunicationsAreNotifiedAndReferToTheEarlierNotification() {
        String treaty = registerTreaty(2, 90, 30, false);
        ratify(treaty, "FRA", "2025-10-25", "2026-01-10");
        sign(treaty, "VNM", "2025-10-25");
        String reserved =
                recordId(depositWith(treaty, "VNM", "RATIFICATION", "2026-02-01", "Not bound by article 63(2)"));
        correctDate(treaty, reserved, "2026-01-20", "Deposited on 20 January");
        communicate(treaty, "FRA", "OBJECTION", "2026-03-01", "France objects", reserved);
        communicate(treaty, "VNM", "WITHDRAWAL", "2026-04-01", "Viet Nam withdraws its reservation", reserved);
        String declaration = recordId(communicate(treaty, "FRA", "DECLARATION", "2026-04-02", "A declaration", null));
        retract(treaty, declaration, "Sent twice");
        JsonNode notes = awaitNotifications(treaty, 9);

        String deposited = notes.get(3).path("reference").asText();
        assertThat(notes.get(3).path("entryIntoForceOn").asText()).isEqualTo("2026-05-02");
        JsonNode correction = notes.get(4);
        assertThat(correction.path("action").asText()).isEqualTo("CORRECTION");
        assertThat(correction.path("refersTo").asText()).isEqualTo(reserved);
        assertThat(correction.path("refersToReference").asText()).isEqualTo(deposited);
        assertThat(correction.path("entryIntoForceOn").asText()).isEqualTo("2026-04-20");
        assertThat(correction.path("text").asText())
                .contains("refers to depositary notification " + deposited)
                .contains("the date of deposit is 20 January 2026 (not 1 February 2026)")
                .contains("Reason for the correction: Deposited on 20 January")
                .contains("enters into force on 20 April 2026");
        JsonNode objection = notes.get(5);
        assertThat(objection.path("subject").asText())
                .isEqualTo("FRANCE: OBJECTION TO THE RESERVATION MADE BY VIET NAM");
        assertThat(objection.path("text").asText())
                .contains("objection to the reservation made by Viet Nam (see depositary notification " + deposited)
                .contains("\"France objects\"");
        JsonNode withdrawal = notes.get(6);
        assertThat(withdrawal.path("subject").asText()).startsWith("VIET NAM: WITHDRAWAL OF");
        assertThat(withdrawal.path("text").asText())
                .contains("Viet Nam notified the Secretary-General of its decision to withdraw")
                .contains("\"Viet Nam withdraws its reservation\"");
        JsonNode retraction = notes.get(8);
        assertThat(retraction.path("action").asText()).isEqualTo("RETRACTION");
        assertThat(retraction.path("refersToReference").asText())
                .isEqualTo(notes.get(7).path("reference").asText());
        assertThat(retraction.path("text").asText())
                .contains("made in error and is withdrawn")
                .contains("Sent twice");
    }

    @Test
    void aDenunciationNotificationSaysWhenItTakesEffect() {
        String treaty = registerTreaty(1, 0, 0, false);
        ratify(treaty, "FRA", "2025-10-25", "2025-11-01");
        Reply denounced = post(
                "/api/treaties/" + treaty + "/denunciations",
                "{\"participant\":\"FRA\",\"receivedOn\":\"2026-01-31\"}");
        assertThat(denounced.status()).as(denounced.body().toString()).isEqualTo(201);
        JsonNode notes = awaitNotifications(treaty, 3);
        assertThat(notes.get(2).path("subject").asText()).isEqualTo("FRANCE: DENUNCIATION");
        assertThat(notes.get(2).path("text").asText())
                .contains("On 31 January 2026, the Secretary-General received from France a written notification"
                        + " of its denunciation")
                .contains("takes effect on 31 January 2027, 12 months after");
    }

    @Test
    void notificationsOfAnUnknownTreatyAreNotFound() {
        assertThat(get("/api/treaties/no-such-treaty/notifications").status()).isEqualTo(404);
    }
}
