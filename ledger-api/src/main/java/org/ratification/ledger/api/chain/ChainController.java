package org.ratification.ledger.api.chain;

import org.ratification.ledger.core.chain.ChainVerifier;
import org.ratification.ledger.core.rules.Rejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Auditors' check that a treaty's stored records are exactly those recorded. */
@RestController
class ChainController {

    private final StoredChain chain;

    ChainController(StoredChain chain) {
        this.chain = chain;
    }

    /** The verdict on a treaty's chain; the first record that breaks it, if any. */
    public record Verification(
            String treatyId, boolean valid, long records, String headHash, BrokenRecord firstBrokenRecord) {}

    /** Where the chain breaks: the record's sequence number and id, a stable reason and a sentence. */
    public record BrokenRecord(long sequence, String recordId, String reason, String detail) {}

    @GetMapping("/api/treaties/{treatyId}/history/verify")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Recompute and verify the treaty's chain of record hashes from the event store")
    Verification verify(@PathVariable String treatyId) {
        ChainVerifier.Verdict verdict = chain.verify(treatyId);
        if (verdict.records() == 0) {
            throw Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.")
                    .exception();
        }
        var broken = verdict.firstBrokenRecord();
        return new Verification(
                treatyId,
                verdict.valid(),
                verdict.records(),
                verdict.headHash(),
                broken == null
                        ? null
                        : new BrokenRecord(
                                broken.sequence(),
                                broken.recordId(),
                                broken.reason().name(),
                                broken.detail()));
    }
}
