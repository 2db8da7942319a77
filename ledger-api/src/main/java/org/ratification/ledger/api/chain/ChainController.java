package org.ratification.ledger.api.chain;

import java.util.ArrayList;
import java.util.List;
import org.ratification.ledger.api.verify.OfflineVerifier;
import org.ratification.ledger.core.chain.ChainVerifier;
import org.ratification.ledger.core.rules.Rejection;
import org.ratification.ledger.projections.status.ChainHeads;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors' check that a treaty's stored records are exactly those recorded. */
@RestController
class ChainController {

    private final StoredChain chain;
    private final ChainHeads published;

    ChainController(StoredChain chain, ChainHeads published) {
        this.chain = chain;
        this.published = published;
    }

    /**
     * The verdict on a treaty's chain: the first record that breaks it, if any; whether the head the
     * ledger published in the treaty's status ({@code publishedHead}, null while it has none) and the
     * head the caller kept ({@code expectedHead}, null if none was given) are records of it. {@code
     * valid} only if the chain is intact and both heads are found: a chain cut after its last records
     * verifies by itself, and only a head kept elsewhere shows that records are missing.
     */
    public record Verification(
            String treatyId,
            boolean valid,
            long records,
            String headHash,
            BrokenRecord firstBrokenRecord,
            ChainVerifier.HeadMatch publishedHead,
            ChainVerifier.HeadMatch expectedHead) {}

    /** Where the chain breaks: the record's sequence number and id, a stable reason and a sentence. */
    public record BrokenRecord(long sequence, String recordId, String reason, String detail) {}

    @GetMapping("/api/treaties/{treatyId}/history/verify")
    @io.swagger.v3.oas.annotations.Operation(
            summary = "Recompute and verify the treaty's chain of record hashes from the event store")
    Verification verify(
            @PathVariable String treatyId,
            @RequestParam(name = "expectedHead", required = false)
                    @io.swagger.v3.oas.annotations.Parameter(
                            description = "A head hash kept outside the ledger (from a depositary notification or an"
                                    + " earlier status): the verdict says whether it is a record of the chain")
                    String expectedHead) {
        if (expectedHead != null && !OfflineVerifier.isHash(expectedHead)) {
            throw Rejection.invalid(
                            "INVALID_EXPECTED_HEAD",
                            "The expected head must be a SHA-256 hash written as 64 hexadecimal digits.")
                    .exception();
        }
        // read before the store: the status never runs ahead of the store, so its head is in an intact chain
        String publishedHead = published.headHash(treatyId).orElse(null);
        List<String> sought = new ArrayList<>();
        sought.add(publishedHead);
        sought.add(expectedHead);
        ChainVerifier verifier = chain.verifying(treatyId, sought);
        ChainVerifier.Verdict verdict = verifier.verdict();
        if (verdict.records() == 0) {
            throw Rejection.notFound("TREATY_NOT_FOUND", "No treaty '" + treatyId + "' is registered.")
                    .exception();
        }
        var broken = verdict.firstBrokenRecord();
        ChainVerifier.HeadMatch publishedMatch = publishedHead == null ? null : verifier.match(publishedHead);
        ChainVerifier.HeadMatch expectedMatch = expectedHead == null ? null : verifier.match(expectedHead);
        return new Verification(
                treatyId,
                verdict.valid()
                        && (publishedMatch == null || publishedMatch.found())
                        && (expectedMatch == null || expectedMatch.found()),
                verdict.records(),
                verdict.headHash(),
                broken == null
                        ? null
                        : new BrokenRecord(
                                broken.sequence(),
                                broken.recordId(),
                                broken.reason().name(),
                                broken.detail()),
                publishedMatch,
                expectedMatch);
    }
}
