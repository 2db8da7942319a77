package org.ratification.ledger.api.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.ratification.ledger.core.api.AdoptionMethod;
import org.ratification.ledger.core.api.CommunicationKind;
import org.ratification.ledger.core.api.DateRounding;
import org.ratification.ledger.core.api.InstrumentType;
import org.ratification.ledger.core.api.LaterInstrumentsFrom;

/** The JSON bodies the API accepts (dates YYYY-MM-DD). Unknown fields are refused. */
final class Requests {

    private Requests() {}

    record Treaty(
            String id,
            String reference,
            String title,
            LocalDate adoptedOn,
            Signature signature,
            EntryIntoForce entryIntoForce,
            Denunciation denunciation,
            String parentTreatyId,
            Amendments amendments,
            Succession succession,
            String shortTitle,
            String titleFr,
            String shortTitleFr) {
        record Signature(LocalDate opensOn, LocalDate closesOn, Boolean closesAtEntryIntoForce) {}

        record Amendments(Integer proposalAfterYears, Integer daysAfterInstrument) {}

        record Succession(Boolean fromDateOfSuccession) {}

        record EntryIntoForce(
                Integer instrumentsRequired,
                Integer daysAfterThreshold,
                Integer daysAfterLaterInstrument,
                Boolean reioInstrumentsCount,
                Integer monthsAfterThreshold,
                Integer monthsAfterLaterInstrument,
                DateRounding rounding,
                LocalDate notBefore,
                LaterInstrumentsFrom laterInstrumentsFrom,
                List<String> requiredParticipants,
                Weighted weighted,
                List<InstrumentType> countedInstruments) {}

        record Weighted(Map<String, Long> weights, Long total, Integer percent, String description) {}

        record Denunciation(
                Integer takesEffectAfterMonths,
                Boolean followsParent,
                Integer takesEffectAfterDays,
                Integer notBeforeYearsInForce) {}
    }

    record SignatureRequest(
            String participant, LocalDate signedOn, String place, String predecessor, Irregularity irregularity) {}

    /** An acknowledged irregularity: the code of the refusal the depositary overrides, and why. */
    record Irregularity(String code, String note) {}

    record InstrumentRequest(
            String participant,
            InstrumentType type,
            LocalDate depositedOn,
            List<String> declarations,
            List<String> reservations,
            String predecessor,
            LocalDate boundFrom,
            Irregularity irregularity) {}

    record DenunciationRequest(String participant, LocalDate receivedOn) {}

    record CorrectionRequest(String recordId, String reason, Correction correction, Boolean retract) {
        record Correction(
                String participant,
                LocalDate date,
                LocalDate signedOn,
                LocalDate depositedOn,
                LocalDate receivedOn,
                InstrumentType type) {}
    }

    record CommunicationRequest(
            String participant,
            CommunicationKind kind,
            LocalDate receivedOn,
            String text,
            String refersTo,
            List<String> territories) {}

    record AmendmentRequest(String amendmentId, LocalDate adoptedOn, AdoptionMethod method, String text) {}

    record AmendmentInstrumentRequest(String participant, InstrumentType type, LocalDate depositedOn) {}
}
