package org.ratification.ledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ratification.ledger.core.api.ConventionSignedEvent;
import org.ratification.ledger.core.chain.ChainVerifier.Reason;
import org.ratification.ledger.core.chain.ChainVerifier.StoredRecord;

/** Verification of a stored chain: valid as recorded, and broken exactly where it was altered. */
class ChainVerifierTest {

    private static List<StoredRecord> chain(int n) {
        List<StoredRecord> records = new ArrayList<>();
        String previous = RecordChain.GENESIS;
        for (int i = 0; i < n; i++) {
            var event = new ConventionSignedEvent("t", "r" + i, "P" + i, LocalDate.of(2025, 10, 25), null);
            ChainLink link = RecordChain.link(event, i, "2025-10-26T10:00:0" + i + "Z", "depositary", previous);
            String hash = RecordChain.hash(link);
            records.add(new StoredRecord(i, "r" + i, link, hash, previous, null));
            previous = hash;
        }
        return records;
    }

    @Test
    void anUnalteredChainIsValidAndEndsAtTheLastHash() {
        List<StoredRecord> records = chain(4);

        var verdict = ChainVerifier.verify(records);

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.records()).isEqualTo(4);
        assertThat(verdict.headHash()).isEqualTo(records.get(3).hash());
        assertThat(verdict.firstBrokenRecord()).isNull();
    }

    @Test
    void anEmptyChainIsValidAtGenesis() {
        var verdict = ChainVerifier.verify(List.of());

        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.headHash()).isEqualTo(RecordChain.GENESIS);
    }

    @Test
    void alteredContentBreaksTheChainAtThatRecord() {
        List<StoredRecord> records = chain(4);
        StoredRecord r = records.get(2);
        var altered =
                RecordChain.payloadTree(new ConventionSignedEvent("t", "r2", "XX", LocalDate.of(2025, 10, 25), null));
        ChainLink l = r.link();
        records.set(
                2,
                new StoredRecord(
                        r.sequence(),
                        r.recordId(),
                        new ChainLink(
                                l.type(),
                                l.revision(),
                                l.treaty(),
                                l.sequence(),
                                l.legalDate(),
                                l.recordedAt(),
                                l.recordedBy(),
                                altered,
                                l.previousHash()),
                        r.hash(),
                        r.previousHash(),
                        null));

        var verdict = ChainVerifier.verify(records);

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.records()).isEqualTo(4);
        assertThat(verdict.firstBrokenRecord().sequence()).isEqualTo(2);
        assertThat(verdict.firstBrokenRecord().recordId()).isEqualTo("r2");
        assertThat(verdict.firstBrokenRecord().reason()).isEqualTo(Reason.HASH_MISMATCH);
        assertThat(verdict.headHash()).isEqualTo(records.get(1).hash());
    }

    @Test
    void aRemovedRecordIsAGap() {
        List<StoredRecord> records = chain(4);
        records.remove(1);

        var verdict = ChainVerifier.verify(records);

        assertThat(verdict.firstBrokenRecord().sequence()).isEqualTo(2);
        assertThat(verdict.firstBrokenRecord().reason()).isEqualTo(Reason.SEQUENCE_GAP);
    }

    @Test
    void aRecordRehashedWithoutItsSuccessorsBreaksAtTheSuccessor() {
        List<StoredRecord> records = chain(3);
        StoredRecord r = records.get(1);
        ChainLink l = r.link();
        ChainLink forged = new ChainLink(
                l.type(),
                l.revision(),
                l.treaty(),
                l.sequence(),
                l.legalDate(),
                l.recordedAt(),
                "intruder",
                l.payload(),
                l.previousHash());
        records.set(1, new StoredRecord(1, "r1", forged, RecordChain.hash(forged), r.previousHash(), null));

        var verdict = ChainVerifier.verify(records);

        assertThat(verdict.firstBrokenRecord().sequence()).isEqualTo(2);
        assertThat(verdict.firstBrokenRecord().reason()).isEqualTo(Reason.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void anUnreadableRecordBreaksTheChain() {
        List<StoredRecord> records = chain(2);
        records.set(1, StoredRecord.unreadable(1, null, "not JSON"));

        var verdict = ChainVerifier.verify(records);

        assertThat(verdict.firstBrokenRecord().reason()).isEqualTo(Reason.UNREADABLE);
        assertThat(verdict.firstBrokenRecord().detail()).isEqualTo("not JSON");
    }

    @Test
    void aTruncatedChainVerifiesByItselfButAHeadKeptElsewhereIsNotFoundInIt() {
        List<StoredRecord> records = chain(5);
        String lastHead = records.get(4).hash();
        String earlierHead = records.get(2).hash();
        List<StoredRecord> truncated = records.subList(0, 4);

        ChainVerifier verifier = ChainVerifier.verifying(truncated, List.of(lastHead, earlierHead));

        assertThat(verifier.verdict().valid()).isTrue();
        ChainVerifier.HeadMatch missing = verifier.match(lastHead);
        assertThat(missing.found()).isFalse();
        assertThat(missing.sequence()).isNull();
        assertThat(missing.head()).isFalse();
        ChainVerifier.HeadMatch earlier = verifier.match(earlierHead);
        assertThat(earlier.found()).isTrue();
        assertThat(earlier.sequence()).isEqualTo(2);
        assertThat(earlier.head()).isFalse();
    }

    @Test
    void theHeadOfAnIntactChainIsFoundAtItsEndInEitherCase() {
        List<StoredRecord> records = chain(3);
        String head = records.get(2).hash().toUpperCase(java.util.Locale.ROOT);

        ChainVerifier verifier = ChainVerifier.verifying(records, List.of(head));

        ChainVerifier.HeadMatch match = verifier.match(head);
        assertThat(match.found()).isTrue();
        assertThat(match.sequence()).isEqualTo(2);
        assertThat(match.head()).isTrue();
        assertThat(match.hash()).isEqualTo(head);
    }

    @Test
    void aHeadAfterTheFirstBreakIsNotFound() {
        List<StoredRecord> records = chain(4);
        String afterBreak = records.get(3).hash();
        StoredRecord r = records.get(1);
        records.set(1, new StoredRecord(1, "r1", r.link(), "0".repeat(64), r.previousHash(), null));

        ChainVerifier verifier = ChainVerifier.verifying(records, List.of(afterBreak));

        assertThat(verifier.verdict().valid()).isFalse();
        assertThat(verifier.match(afterBreak).found()).isFalse();
    }
}
