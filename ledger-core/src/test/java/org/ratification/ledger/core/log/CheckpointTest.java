package org.ratification.ledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint(
            "ratification-ledger",
            8,
            MerkleHash.parseHex(MerkleTreeTest.ROOTS[8]),
            Instant.parse("2026-01-12T09:30:00.123Z"));

    @Test
    void theNoteIsFourLines() {
        assertThat(CHECKPOINT.note())
                .isEqualTo(
                        "ratification-ledger\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n2026-01-12T09:30:00.123Z\n");
        assertThat(Checkpoint.parse(CHECKPOINT.note())).isEqualTo(CHECKPOINT);
        assertThatThrownBy(
                        () -> Checkpoint.parse(
                                "ratification-ledger\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n2026-01-12T09:30:00.123Z\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checkpoint.parse("ratification-ledger\n8\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSignatureVerifiesOnlyForItsNoteAndKey() {
        KeyPair keys = LogKeys.generate();
        String signature = LogKeys.sign(CHECKPOINT, keys.getPrivate());
        assertThat(LogKeys.verify(CHECKPOINT.noteBytes(), signature, keys.getPublic()))
                .isTrue();
        // the published raw key verifies too
        assertThat(LogKeys.verify(
                        CHECKPOINT.noteBytes(), signature, LogKeys.publicKey(LogKeys.publicKeyText(keys.getPublic()))))
                .isTrue();
        String other = CHECKPOINT.note().replace("\n8\n", "\n9\n");
        assertThat(LogKeys.verify(other.getBytes(StandardCharsets.UTF_8), signature, keys.getPublic()))
                .isFalse();
        assertThat(LogKeys.verify(
                        CHECKPOINT.noteBytes(), signature, LogKeys.generate().getPublic()))
                .isFalse();
    }

    @Test
    void aPrivateKeyTextGivesBackTheSamePair() {
        KeyPair keys = LogKeys.generate();
        KeyPair read = LogKeys.fromPrivateKeyText(LogKeys.privateKeyText(keys.getPrivate()));
        assertThat(LogKeys.publicKeyText(read.getPublic())).isEqualTo(LogKeys.publicKeyText(keys.getPublic()));
        String signature = LogKeys.sign(CHECKPOINT, read.getPrivate());
        assertThat(LogKeys.verify(CHECKPOINT.noteBytes(), signature, keys.getPublic()))
                .isTrue();
        assertThatThrownBy(() -> LogKeys.fromPrivateKeyText("bm90IGEga2V5"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
