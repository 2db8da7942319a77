package org.ratification.ledger.projections.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.CommunicationReceivedEvent;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.api.DenunciationClause;
import org.ratification.ledger.core.api.DenunciationNotifiedEvent;
import org.ratification.ledger.core.api.EntryIntoForceClause;
import org.ratification.ledger.core.api.InstrumentDepositedEvent;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.RecordCorrectedEvent;
import org.ratification.ledger.core.api.RecordRetractedEvent;
import org.ratification.ledger.core.api.SignatureClause;
import org.ratification.ledger.core.api.TreatyDefinition;
import org.ratification.ledger.core.participants.ParticipantRegistry;
import org.ratification.ledger.core.rules.Action;
import org.ratification.ledger.core.rules.ActionKind;
import org.ratification.ledger.core.rules.EntryIntoForce;

/**
 * Both texts, English and French, of every kind of notification against fixed examples: signature,
 * instrument, denunciation, declaration, reservation, objection, withdrawal, notification,
 * territorial application, correction and retraction, and the French entry-into-force sentences.
 */
class BilingualNotificationTextsTest {

    private static final TreatyDefinition CYBERCRIME = new TreatyDefinition(
            "cybercrime",
            "XVIII-16",
            "United Nations Convention against Cybercrime",
            LocalDate.of(2024, 12, 24),
            new SignatureClause(LocalDate.of(2025, 10, 25), LocalDate.of(2026, 12, 31)),
            new EntryIntoForceClause(40, 90, 30, false),
            new DenunciationClause(12));

    private static final String EN = "The Secretary-General of the United Nations, acting in the capacity of"
            + " depositary, communicates the following:\n\n";
    private static final String FR = "Le Secrétaire général de l'Organisation des Nations Unies, agissant en sa"
            + " qualité de dépositaire, communique ce qui suit :\n\n";
    private static final String TREATY = "Traité : United Nations Convention against Cybercrime\n\n";
    private static final String CN = "C.N.5.2026.TREATIES-XVIII.16";

    private final NotificationTexts english = new NotificationTexts(ParticipantRegistry.standard());
    private final FrenchNotificationTexts french = new FrenchNotificationTexts(ParticipantRegistry.standard());

    @Test
    void signature() {
        var e = new ConventionSignedEvent("cybercrime", "r-1", "FRA", LocalDate.of(2025, 10, 25), "Hanoi");
        assertBoth(
                english.signature(CYBERCRIME, e),
                french.signature(CYBERCRIME, e),
                "FRANCE: SIGNATURE",
                EN + "On 25 October 2025, France signed the United Nations Convention against Cybercrime at Hanoi.",
                "FRANCE : SIGNATURE",
                FR + "Participant : France\n" + TREATY
                        + "L'action susmentionnée (signature) a été effectuée le 25 octobre 2025, à Hanoi.");
    }

    @Test
    void instrument() {
        var e = new InstrumentDepositedEvent(
                "cybercrime",
                "r-2",
                "DEU",
                InstrumentType.RATIFICATION,
                LocalDate.of(2026, 1, 1),
                List.of("D"),
                List.of("R1", "R2"));
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of(instrument("DEU", "2026-01-01")));
        assertBoth(
                english.instrument(CYBERCRIME, e, result),
                french.instrument(CYBERCRIME, e, result),
                "GERMANY: RATIFICATION",
                EN + "On 1 January 2026, Germany deposited its instrument of ratification of the United Nations"
                        + " Convention against Cybercrime. The instrument was accompanied by 1 declaration and 2"
                        + " reservations, the text of which is available from the depositary.\n\nThe Convention will"
                        + " enter into force for Germany in accordance with its entry-into-force provisions once the"
                        + " required number of instruments is reached: on the 90th day after the date of deposit of"
                        + " the 40th instrument of ratification, acceptance, approval or accession (instruments of"
                        + " regional economic integration organizations are not counted). Instruments counted so"
                        + " far: 1 of 40.",
                "ALLEMAGNE : RATIFICATION",
                FR + "Participant : Allemagne\n" + TREATY
                        + "L'action susmentionnée (dépôt de l'instrument de ratification) a été effectuée le 1er"
                        + " janvier 2026.\n\nL'instrument était accompagné de 1 déclaration et de 2 réserves, dont le"
                        + " texte est disponible auprès du dépositaire.\n\nLe traité entrera en vigueur à l'égard de"
                        + " ce participant conformément à ses dispositions relatives à l'entrée en vigueur lorsque le"
                        + " nombre requis d'instruments sera atteint : le 90e jour suivant la date du dépôt du 40e"
                        + " instrument de ratification, d'acceptation, d'approbation ou d'adhésion (les instruments"
                        + " des organisations régionales d'intégration économique ne sont pas comptés). Instruments"
                        + " comptés à ce jour : 1 sur 40.");
    }

    @Test
    void aSuccessionNamesItsPredecessorInFrenchAsInEnglish() {
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of(instrument("MNE", "2030-01-10")));
        // the English text of the same event: NotificationTextsTest
        assertThat(french.instrument(CYBERCRIME, succession(LocalDate.of(2006, 6, 3)), result)
                        .text())
                .contains("Le participant succède au traité en qualité de successeur de : Serbie-et-Monténégro,"
                        + " avec effet à compter du 3 juin 2006.");
        assertThat(french.instrument(CYBERCRIME, succession(null), result).text())
                .contains("en qualité de successeur de : Serbie-et-Monténégro.\n\n");
    }

    private static InstrumentDepositedEvent succession(LocalDate boundFrom) {
        return new InstrumentDepositedEvent(
                "cybercrime",
                "r-9",
                "MNE",
                InstrumentType.SUCCESSION,
                LocalDate.of(2030, 1, 10),
                List.of(),
                List.of(),
                "SCG",
                boundFrom);
    }

    @Test
    void denunciation() {
        var e = new DenunciationNotifiedEvent(
                "cybercrime", "r-3", "FRA", LocalDate.of(2027, 3, 15), LocalDate.of(2028, 3, 15));
        assertBoth(
                english.denunciation(CYBERCRIME, e),
                french.denunciation(CYBERCRIME, e),
                "FRANCE: DENUNCIATION",
                EN + "On 15 March 2027, the Secretary-General received from France a written notification of its"
                        + " denunciation of the United Nations Convention against Cybercrime.\n\nIn accordance with"
                        + " the denunciation provisions of the Convention, the denunciation takes effect on 15 March"
                        + " 2028, 12 months after the date of receipt of the notification.",
                "FRANCE : DÉNONCIATION",
                FR + "Participant : France\n" + TREATY
                        + "L'action susmentionnée (notification écrite de dénonciation) a été reçue par le Secrétaire"
                        + " général le 15 mars 2027.\n\nConformément aux dispositions du traité relatives à la"
                        + " dénonciation, la dénonciation prendra effet le 15 mars 2028, 12 mois après la date de"
                        + " réception de la notification.");
    }

    @Test
    void declarationAndReservation() {
        var declaration = communication("FRA", CommunicationKind.DECLARATION, "2026-02-02", "Declared.", null);
        assertBoth(
                english.communication(CYBERCRIME, declaration, Optional.empty()),
                french.communication(CYBERCRIME, declaration, Optional.empty()),
                "FRANCE: DECLARATION",
                EN + "On 2 February 2026, France communicated the following declaration with respect to the United"
                        + " Nations Convention against Cybercrime:\n\n\"Declared.\"",
                "FRANCE : DÉCLARATION",
                FR + "Participant : France\n" + TREATY
                        + "Le 2 février 2026, ce participant a communiqué la déclaration suivante :\n\n« Declared. »");
        var reservation =
                communication("FRA", CommunicationKind.RESERVATION, "2026-02-01", "Article 5 does not apply.", null);
        assertBoth(
                english.communication(CYBERCRIME, reservation, Optional.empty()),
                french.communication(CYBERCRIME, reservation, Optional.empty()),
                "FRANCE: RESERVATION",
                EN + "On 1 February 2026, France communicated the following reservation with respect to the United"
                        + " Nations Convention against Cybercrime:\n\n\"Article 5 does not apply.\"",
                "FRANCE : RÉSERVE",
                FR + "Participant : France\n" + TREATY
                        + "Le 1er février 2026, ce participant a communiqué la réserve suivante :\n\n« Article 5 does"
                        + " not apply. »");
    }

    @Test
    void objectionAndWithdrawal() {
        var target = Optional.of(new NotificationTexts.Target(reservationOfFrance(), Optional.of(CN)));
        var objection = communication("DEU", CommunicationKind.OBJECTION, "2026-03-01", "Germany objects.", "r-5");
        assertBoth(
                english.communication(CYBERCRIME, objection, target),
                french.communication(CYBERCRIME, objection, target),
                "GERMANY: OBJECTION TO THE RESERVATION MADE BY FRANCE",
                EN + "On 1 March 2026, Germany communicated the following objection to the reservation made by France"
                        + " (see depositary notification " + CN + ") with respect to the United Nations Convention"
                        + " against Cybercrime:\n\n\"Germany objects.\"",
                "ALLEMAGNE : OBJECTION À LA RÉSERVE FORMULÉE PAR : FRANCE",
                FR + "Participant : Allemagne\n" + TREATY
                        + "Objection à la réserve formulée par : France (voir la notification dépositaire " + CN
                        + "). Le 1er mars 2026, ce participant a communiqué l'objection suivante :\n\n« Germany"
                        + " objects. »");
        var withdrawal = communication("FRA", CommunicationKind.WITHDRAWAL, "2026-06-01", "France withdraws.", "r-5");
        assertBoth(
                english.communication(CYBERCRIME, withdrawal, target),
                french.communication(CYBERCRIME, withdrawal, target),
                "FRANCE: WITHDRAWAL OF ITS RESERVATION OF 1 FEBRUARY 2026",
                EN + "On 1 June 2026, France notified the Secretary-General of its decision to withdraw its"
                        + " reservation of 1 February 2026 (see depositary notification " + CN + ") made with respect"
                        + " to the United Nations Convention against Cybercrime:\n\n\"France withdraws.\"",
                "FRANCE : RETRAIT DE SA RÉSERVE DU 1ER FÉVRIER 2026",
                FR + "Participant : France\n" + TREATY
                        + "Retrait de sa réserve du 1er février 2026 (voir la notification dépositaire " + CN
                        + "). Le 1er juin 2026, ce participant a notifié au Secrétaire général sa décision de retrait"
                        + " :\n\n« France withdraws. »");
    }

    @Test
    void notificationAndTerritorialApplication() {
        var notification =
                communication("FRA", CommunicationKind.NOTIFICATION, "2026-07-01", "Authority: Ministry.", null);
        assertBoth(
                english.communication(CYBERCRIME, notification, Optional.empty()),
                french.communication(CYBERCRIME, notification, Optional.empty()),
                "FRANCE: NOTIFICATION",
                EN + "On 1 July 2026, France made the following notification under the United Nations Convention"
                        + " against Cybercrime:\n\n\"Authority: Ministry.\"",
                "FRANCE : NOTIFICATION",
                FR + "Participant : France\n" + TREATY
                        + "Le 1er juillet 2026, ce participant a fait la notification suivante en vertu du traité :"
                        + "\n\n« Authority: Ministry. »");
        var territorial = new CommunicationReceivedEvent(
                "cybercrime",
                "r-8",
                "GBR",
                CommunicationKind.TERRITORIAL_APPLICATION,
                LocalDate.of(2026, 8, 1),
                "Extension.",
                null,
                List.of("Bermuda", "Gibraltar"));
        assertBoth(
                english.communication(CYBERCRIME, territorial, Optional.empty()),
                french.communication(CYBERCRIME, territorial, Optional.empty()),
                "UNITED KINGDOM OF GREAT BRITAIN AND NORTHERN IRELAND: TERRITORIAL APPLICATION",
                EN + "On 1 August 2026, United Kingdom of Great Britain and Northern Ireland notified the"
                        + " Secretary-General that the United Nations Convention against Cybercrime shall apply to"
                        + " Bermuda, Gibraltar:\n\n\"Extension.\"",
                "ROYAUME-UNI DE GRANDE-BRETAGNE ET D'IRLANDE DU NORD : APPLICATION TERRITORIALE",
                FR + "Participant : Royaume-Uni de Grande-Bretagne et d'Irlande du Nord\n" + TREATY
                        + "Application territoriale à : Bermuda, Gibraltar. Le 1er août 2026, ce participant a notifié"
                        + " au Secrétaire général que le traité s'appliquera à ces territoires :\n\n« Extension. »");
    }

    @Test
    void correction() {
        Action before = instrumentOfFrance();
        var event = new RecordCorrectedEvent(
                "cybercrime",
                "r-10",
                "r-9",
                "Clerical error",
                "FRA",
                LocalDate.of(2026, 1, 12),
                InstrumentType.RATIFICATION);
        Action after = before.corrected(event, CYBERCRIME.denunciation());
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of(instrument("FRA", "2026-01-12")));
        var target = new NotificationTexts.Target(before, Optional.of("C.N.7.2026.TREATIES-XVIII.16"));
        assertBoth(
                english.correction(CYBERCRIME, event, target, after, result),
                french.correction(CYBERCRIME, event, target, after, result),
                "FRANCE: CORRECTION (RATIFICATION)",
                EN + "The Secretary-General refers to depositary notification C.N.7.2026.TREATIES-XVIII.16,"
                        + " concerning the ratification of the United Nations Convention against Cybercrime by France"
                        + " dated 10 January 2026, and communicates the following correction: the date of deposit is"
                        + " 12 January 2026 (not 10 January 2026).\n\nReason for the correction: Clerical error\n\n"
                        + "The Convention will enter into force for France in accordance with its entry-into-force"
                        + " provisions once the required number of instruments is reached: on the 90th day after the"
                        + " date of deposit of the 40th instrument of ratification, acceptance, approval or accession"
                        + " (instruments of regional economic integration organizations are not counted). Instruments"
                        + " counted so far: 1 of 40.",
                "FRANCE : RECTIFICATION (RATIFICATION)",
                FR + "Participant : France\n" + TREATY
                        + "Le Secrétaire général se réfère à la notification dépositaire C.N.7.2026.TREATIES-XVIII.16,"
                        + " concernant l'action suivante de ce participant : ratification, en date du 10 janvier 2026."
                        + "\n\nRectification : la date de dépôt est le 12 janvier 2026 (et non le 10 janvier 2026).\n\n"
                        + "Motif : Clerical error\n\nLe traité entrera en vigueur à l'égard de ce participant"
                        + " conformément à ses dispositions relatives à l'entrée en vigueur lorsque le nombre requis"
                        + " d'instruments sera atteint : le 90e jour suivant la date du dépôt du 40e instrument de"
                        + " ratification, d'acceptation, d'approbation ou d'adhésion (les instruments des"
                        + " organisations régionales d'intégration économique ne sont pas comptés). Instruments"
                        + " comptés à ce jour : 1 sur 40.");
    }

    @Test
    void retraction() {
        var event = new RecordRetractedEvent(
                "cybercrime", "r-11", "r-9", "Recorded in error", "FRA", LocalDate.of(2026, 1, 10));
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), List.of());
        var target = new NotificationTexts.Target(instrumentOfFrance(), Optional.of("C.N.7.2026.TREATIES-XVIII.16"));
        assertBoth(
                english.retraction(CYBERCRIME, event, target, result),
                french.retraction(CYBERCRIME, event, target, result),
                "FRANCE: WITHDRAWAL OF A RECORD MADE IN ERROR (RATIFICATION)",
                EN + "The Secretary-General refers to depositary notification C.N.7.2026.TREATIES-XVIII.16,"
                        + " concerning the ratification of the United Nations Convention against Cybercrime by France"
                        + " dated 10 January 2026. That record was made in error and is withdrawn.\n\nReason: Recorded"
                        + " in error\n\nInstruments now counted toward the entry into force of the Convention: 0 of"
                        + " 40.",
                "FRANCE : RETRAIT D'UN ENREGISTREMENT EFFECTUÉ PAR ERREUR (RATIFICATION)",
                FR + "Participant : France\n" + TREATY
                        + "Le Secrétaire général se réfère à la notification dépositaire C.N.7.2026.TREATIES-XVIII.16,"
                        + " concernant l'action suivante de ce participant : ratification, en date du 10 janvier 2026."
                        + " Cet enregistrement a été effectué par erreur et est retiré.\n\nMotif : Recorded in error"
                        + "\n\nInstruments désormais comptés pour l'entrée en vigueur du traité : 0 sur 40.");
    }

    @Test
    void theFrenchEntryIntoForceSentencesForTheThresholdAndLaterInstruments() {
        List<EntryIntoForce.Instrument> instruments = new ArrayList<>();
        var states = ParticipantRegistry.standard().all().stream()
                .filter(p -> !p.isReio())
                .limit(41)
                .toList();
        for (int i = 0; i < 40; i++) {
            instruments.add(new EntryIntoForce.Instrument(states.get(i).code(), false, LocalDate.of(2030, 1, 10)));
        }
        String last = states.get(40).code();
        instruments.add(new EntryIntoForce.Instrument(last, false, LocalDate.of(2030, 3, 20)));
        var result = EntryIntoForce.compute(CYBERCRIME.entryIntoForce(), instruments);
        String threshold = result.thresholdInstrument().participant();
        String earlier = states.get(0).code().equals(threshold)
                ? states.get(1).code()
                : states.get(0).code();

        assertThat(french.entryIntoForce(CYBERCRIME, threshold, LocalDate.of(2030, 1, 10), result))
                .isEqualTo("Avec cet instrument, le 40e instrument a été déposé. Conformément à ses dispositions"
                        + " relatives à l'entrée en vigueur, le traité entre en vigueur le 10 avril 2030, le 90e jour"
                        + " suivant la date du dépôt du 40e instrument de ratification, d'acceptation, d'approbation"
                        + " ou d'adhésion, y compris à l'égard de ce participant.");
        assertThat(french.entryIntoForce(CYBERCRIME, earlier, LocalDate.of(2030, 1, 10), result))
                .startsWith("Conformément à ses dispositions relatives à l'entrée en vigueur, le traité entre en"
                        + " vigueur à l'égard de ce participant le 10 avril 2030, le 90e jour suivant")
                .endsWith("(instrument déposé le 10 janvier 2030 ; participant : "
                        + ParticipantRegistry.standard().frenchNameOf(threshold) + ").");
        assertThat(french.entryIntoForce(CYBERCRIME, last, LocalDate.of(2030, 3, 20), result))
                .isEqualTo("Conformément à ses dispositions relatives à l'entrée en vigueur, le traité entre en"
                        + " vigueur à l'égard de ce participant le 19 avril 2030 : le 30e jour suivant la date du"
                        + " dépôt de son instrument, ou à la date d'entrée en vigueur du traité (10 avril 2030) si"
                        + " celle-ci est postérieure.");
        var withEu = EntryIntoForce.compute(
                CYBERCRIME.entryIntoForce(),
                List.of(
                        instrument("FRA", "2030-01-10"),
                        new EntryIntoForce.Instrument("EU", true, LocalDate.of(2030, 1, 11))));
        assertThat(french.entryIntoForce(CYBERCRIME, "EU", LocalDate.of(2030, 1, 11), withEu))
                .endsWith("Conformément au traité, cet instrument n'est pas compté comme venant s'ajouter à ceux"
                        + " déposés par les États membres de l'organisation.");
    }

    @Test
    void theFrenchTextNamesTheTreatyByItsFrenchTitleAndTheEnglishTextByItsTitle() {
        var withFrench = new TreatyDefinition(
                "cybercrime",
                "XVIII-16",
                "United Nations Convention against Cybercrime",
                LocalDate.of(2024, 12, 24),
                CYBERCRIME.signature(),
                CYBERCRIME.entryIntoForce(),
                CYBERCRIME.denunciation(),
                null,
                null,
                null,
                null,
                "Convention des Nations Unies contre la cybercriminalité",
                null);
        var e = new ConventionSignedEvent("cybercrime", "r-1", "FRA", LocalDate.of(2025, 10, 25), "Hanoi");
        assertBoth(
                english.signature(withFrench, e),
                french.signature(withFrench, e),
                "FRANCE: SIGNATURE",
                EN + "On 25 October 2025, France signed the United Nations Convention against Cybercrime at Hanoi.",
                "FRANCE : SIGNATURE",
                FR + "Participant : France\nTraité : Convention des Nations Unies contre la cybercriminalité\n\n"
                        + "L'action susmentionnée (signature) a été effectuée le 25 octobre 2025, à Hanoi.");
    }

    @Test
    void aThresholdOfOneIsTheFirstInstrumentInFrench() {
        var one = new TreatyDefinition(
                "t-one",
                "TEST-1",
                "Test treaty",
                LocalDate.of(2024, 12, 24),
                CYBERCRIME.signature(),
                new EntryIntoForceClause(1, 1, 2, false),
                CYBERCRIME.denunciation());
        var result = EntryIntoForce.compute(one.entryIntoForce(), List.of(instrument("FRA", "2030-01-10")));

        assertThat(french.entryIntoForce(one, "FRA", LocalDate.of(2030, 1, 10), result))
                .isEqualTo("Avec cet instrument, le 1er instrument a été déposé. Conformément à ses dispositions"
                        + " relatives à l'entrée en vigueur, le traité entre en vigueur le 11 janvier 2030, le 1er jour"
                        + " suivant la date du dépôt du 1er instrument de ratification, d'acceptation, d'approbation"
                        + " ou d'adhésion, y compris à l'égard de ce participant.");
        assertThat(french.entryIntoForce(one, "DEU", LocalDate.of(2030, 2, 1), result))
                .contains("le 2e jour suivant la date du dépôt de son instrument");
    }

    @Test
    void frenchDatesAndNames() {
        assertThat(FrenchNotificationTexts.day(LocalDate.of(2025, 10, 25))).isEqualTo("25 octobre 2025");
        assertThat(FrenchNotificationTexts.day(LocalDate.of(2026, 1, 1))).isEqualTo("1er janvier 2026");
        assertThat(FrenchNotificationTexts.ordinal(1)).isEqualTo("1er");
        assertThat(FrenchNotificationTexts.ordinal(2)).isEqualTo("2e");
        assertThat(FrenchNotificationTexts.ordinal(3)).isEqualTo("3e");
        assertThat(FrenchNotificationTexts.ordinal(40)).isEqualTo("40e");
        ParticipantRegistry registry = ParticipantRegistry.standard();
        assertThat(registry.frenchNameOf("VNM")).isEqualTo("Viet Nam");
        assertThat(registry.frenchNameOf("DEU")).isEqualTo("Allemagne");
        assertThat(registry.frenchNameOf("EU")).isEqualTo("Union européenne");
        assertThat(registry.all())
                .as("every participant has its French short name")
                .allSatisfy(p -> assertThat(registry.frenchNameOf(p.code())).isNotBlank());
    }

    // ---- fixtures

    private static void assertBoth(
            NotificationTexts.Draft english,
            FrenchNotificationTexts.Text french,
            String englishSubject,
            String englishText,
            String frenchSubject,
            String frenchText) {
        assertThat(english.subject()).isEqualTo(englishSubject);
        assertThat(english.text()).isEqualTo(englishText);
        assertThat(french.subject()).isEqualTo(frenchSubject);
        assertThat(french.text()).isEqualTo(frenchText);
    }

    private static CommunicationReceivedEvent communication(
            String participant, CommunicationKind kind, String date, String text, String refersTo) {
        return new CommunicationReceivedEvent(
                "cybercrime", "r-" + kind, participant, kind, LocalDate.parse(date), text, refersTo);
    }

    private static Action reservationOfFrance() {
        return new Action(
                "r-5",
                ActionKind.COMMUNICATION,
                "FRA",
                LocalDate.of(2026, 2, 1),
                null,
                null,
                null,
                null,
                CommunicationKind.RESERVATION,
                "Article 5 does not apply.",
                null,
                null,
                false);
    }

    private static Action instrumentOfFrance() {
        return new Action(
                "r-9",
                ActionKind.INSTRUMENT,
                "FRA",
                LocalDate.of(2026, 1, 10),
                InstrumentType.RATIFICATION,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false);
    }

    private static EntryIntoForce.Instrument instrument(String participant, String date) {
        return new EntryIntoForce.Instrument(participant, false, LocalDate.parse(date));
    }
}
