package org.ratification.ledger.core.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/**
 * A participant signed the treaty on {@code signedOn}. A succession to a signature (a {@code d} in
 * the signature column) names the predecessor State whose signature the participant succeeded to;
 * {@code irregularity} is the acknowledgement of a refusal the depositary overrode. Both are null
 * otherwise (and in revision 1 events recorded before they existed), and a null field is left out
 * of the record's hash, so the hashes of records stored before are unchanged.
 */
@Revision("1")
public record ConventionSignedEvent(
        String treatyId,
        String recordId,
        String participant,
        LocalDate signedOn,
        String place,
        String predecessor,
        Irregularity irregularity)
        implements TreatyEvent {

    public ConventionSignedEvent(
            String treatyId, String recordId, String participant, LocalDate signedOn, String place) {
        this(treatyId, recordId, participant, signedOn, place, null, null);
    }

    @Override
    public LocalDate legalDate() {
        return signedOn;
    }
}
