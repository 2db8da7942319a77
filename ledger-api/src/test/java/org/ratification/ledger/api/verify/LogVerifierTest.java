package org.ratification.ledger.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's {@code verify} modes of the log, on files, with the vectors of docs/LOG.md: a log of
 * three leaves, its checkpoint signed with the key whose seed is 00 01 … 1f.
 */
class LogVerifierTest {

    static final String PUBLIC_KEY = "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=";
    static final String NOTE_3 =
            "ratification-ledger\\n3\\n4zKbI2XZOzmi/u+Bm6NX7s/Qzyo3XILLhhWTu3rXrwE=\\n2026-01-12T09:30:00Z\\n";
    static final String SIGNATURE_3 =
            "+tJI0rUcruAceyAhe6KEfDisbfCQubab2TDvViQLa8yK4wIn63wH4pV3FsoTTLdQ37UjvErFUZ2tltu+QhSYAA==";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int verify(String... args) {
        return OfflineVerifier.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String file(String name, String content) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path.toString();
    }

    private String checkpoint(String note, String signature) throws Exception {
        return file("checkpoint.json", "{\"note\":\"" + note + "\",\"signature\":\"" + signature + "\"}");
    }

    @Test
    void aCheckpointVerifiesWithItsKeyAndNotWhenChanged() throws Exception {
        String key = file("key.json", "{\"algorithm\":\"Ed25519\",\"publicKey\":\"" + PUBLIC_KEY + "\"}");

        assertThat(verify("checkpoint", checkpoint(NOTE_3, SIGNATURE_3), "--key", key))
                .isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"valid\" : true", "\"size\" : 3");

        assertThat(verify("checkpoint", checkpoint(NOTE_3.replace("\\n3\\n", "\\n4\\n"), SIGNATURE_3), "--key", key))
                .isEqualTo(1);
        assertThat(verify("checkpoint", checkpoint(NOTE_3, SIGNATURE_3), "--key", file("raw.txt", PUBLIC_KEY)))
                .isEqualTo(0);
    }

    @Test
    void inclusionAndConsistencyProofsOfTheVectors() throws Exception {
        String key = file("key.txt", PUBLIC_KEY);
        String checkpoint = checkpoint(NOTE_3, SIGNATURE_3);
        String inclusion = file(
                "inclusion.json",
                """
                {"recordId":"rec-3","leafIndex":1,"treeSize":3,
                 "chainHash":"848db0ce302dc930c130b8fb9de7e7b84c85acc23aa7645e5b444c3f8b7e1b71",
                 "proof":["0c39b5d13cc6cbdef68f62f85b9479c064dcf1515684df8672491699b764d360",
                          "7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9"]}""");
        assertThat(verify("inclusion", inclusion, "--checkpoint", checkpoint, "--key", key))
                .isEqualTo(0);

        String wrongLeaf = file(
                "wrong.json",
                """
                {"recordId":"rec-3","leafIndex":0,"treeSize":3,
                 "chainHash":"848db0ce302dc930c130b8fb9de7e7b84c85acc23aa7645e5b444c3f8b7e1b71",
                 "proof":["0c39b5d13cc6cbdef68f62f85b9479c064dcf1515684df8672491699b764d360",
                          "7f9c9e31ac8256ca2f258583df262dbc7d6f68f2a03043d5c99a4ae5a7396ce9"]}""");
        assertThat(verify("inclusion", wrongLeaf, "--checkpoint", checkpoint, "--key", key))
                .isEqualTo(1);

        // a consistency proof from a checkpoint to itself is empty; one of another size does not match it
        String same = file("same.json", "{\"from\":3,\"to\":3,\"proof\":[]}");
        assertThat(verify("consistency", same, "--old", checkpoint, "--new", checkpoint, "--key", key))
                .isEqualTo(0);
        String other = file("other.json", "{\"from\":2,\"to\":3,\"proof\":[]}");
        assertThat(verify("consistency", other, "--old", checkpoint, "--new", checkpoint, "--key", key))
                .isEqualTo(1);
    }

    @Test
    void unusableInputIsExitCodeTwo() throws Exception {
        assertThat(verify("checkpoint", "no-such-file.json", "--key", "no-such-key"))
                .isEqualTo(2);
        assertThat(verify("inclusion", file("p.json", "{}"))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Missing required options")
                .contains("verify inclusion --help");
    }
}
