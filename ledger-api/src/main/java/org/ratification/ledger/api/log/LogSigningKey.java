package org.ratification.ledger.api.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PublicKey;
import org.ratification.ledger.core.log.Checkpoint;
import org.ratification.ledger.core.log.LogKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key that signs checkpoints: {@code ledger.log.private-key} if configured, else the key file
 * ({@code ledger.log.key-file}), created with a new key on first start (owner-only permissions where
 * the file system has them). Several nodes sharing a database must be configured with the same key.
 */
@Component
public class LogSigningKey {

    private static final Logger log = LoggerFactory.getLogger(LogSigningKey.class);

    private final KeyPair keys;
    private final String keyId;

    public LogSigningKey(LogProperties properties) {
        this.keys = properties.privateKey() != null
                ? LogKeys.fromPrivateKeyText(properties.privateKey())
                : fromFile(Path.of(properties.keyFile()));
        this.keyId = LogKeys.keyId(keys.getPublic());
    }

    private static KeyPair fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return LogKeys.fromPrivateKeyText(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the log's signing key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "log-signing", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the directory's permissions protect it
            }
            KeyPair created = LogKeys.generate();
            Files.writeString(
                    temporary, LogKeys.privateKeyText(created.getPrivate()) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file);
            }
            log.info(
                    "Created a new signing key for the log's checkpoints in {} (key id {})",
                    file,
                    LogKeys.keyId(created.getPublic()));
        } catch (FileAlreadyExistsException e) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public String keyId() {
        return keyId;
    }

    public String sign(Checkpoint checkpoint) {
        return LogKeys.sign(checkpoint, keys.getPrivate());
    }
}
