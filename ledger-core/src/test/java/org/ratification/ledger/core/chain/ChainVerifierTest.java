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
}
