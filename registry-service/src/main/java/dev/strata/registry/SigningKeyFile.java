package dev.strata.registry;

import dev.strata.events.checkpoint.SigningKey;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The key the registry signs checkpoints with: a PEM file the operator gives ({@code --signing-key FILE}), or
 * {@code signing-key.pem} in the data folder, created on first start, readable by its owner only.
 */
final class SigningKeyFile {

    static final String NAME = "signing-key.pem";

    private SigningKeyFile() {
    }

    /** The operator's key file; it must exist. */
    static SigningKey load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--signing-key " + file + ": no such file; create one with"
                    + " `openssl genpkey -algorithm ed25519 -out " + file + "` and give every instance the same file");
        }
        return read(file, "--signing-key " + file);
    }

    /** The data folder's key, created (atomically, owner-only) when there is none yet. */
    static SigningKey loadOrCreate(Path data) {
        Path file = data.resolve(NAME);
        if (Files.exists(file)) {
            return read(file, file.toString());
        }
        SigningKey key = SigningKey.generate();
        try {
            Files.createDirectories(data);
            write(file, key.pem());
        } catch (IOException e) {
            throw new IllegalStateException("creating the signing key " + file + ": " + e.getMessage()
                    + "; make the data folder writable, or give a key with --signing-key FILE", e);
        }
        return key;
    }

    private static SigningKey read(Path file, String source) {
        try {
            return SigningKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII), source);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read it (" + e.getMessage() + "); the registry's user must be able to read it");
        }
    }

    /** Writes a temporary file that is owner-only from its creation, forces it to disk, then moves it into place. */
    private static void write(Path target, String text) throws IOException {
        boolean posix = Files.getFileStore(target.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        Path temp = posix ? Files.createTempFile(target.getParent(), "." + NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(target.getParent(), "." + NAME, ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.US_ASCII);
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
