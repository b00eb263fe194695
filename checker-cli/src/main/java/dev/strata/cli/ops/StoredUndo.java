package dev.strata.cli.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The downgrade of one applied version as the database keeps it in {@code strata_undo}: what
 * {@code strata downgrade} runs from any checkout, once {@link #intact()} says nobody changed it.
 *
 * @param revisionHash the hash of the revision the version was projected from, or null for a Flyway folder without events
 * @param file the U file it was read from when the version was applied, for messages
 * @param sha256 SHA-256 over the version, the transaction flag and the script, recorded with them
 */
public record StoredUndo(int version, String description, String revisionHash, String file, String script, boolean transactional,
                         String sha256) {

    public StoredUndo {
        if (version < 1) {
            throw new IllegalArgumentException("a stored undo script belongs to version 1 or above, not " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(script, "script");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("the undo script of version " + version + " needs a SHA-256 of 64 hex digits, not " + sha256);
        }
    }

    /** A new entry, its hash computed over what it stores. */
    public static StoredUndo of(int version, String description, String revisionHash, String file, String script, boolean transactional) {
        return new StoredUndo(version, description, revisionHash, file, script, transactional, hash(version, transactional, script));
    }

    /** Whether the script and its flag are still what was recorded. */
    public boolean intact() {
        return sha256.equals(actualSha256());
    }

    public String actualSha256() {
        return hash(version, transactional, script);
    }

    private static String hash(int version, boolean transactional, String script) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((version + "\n" + (transactional ? "transactional" : "executeInTransaction=false") + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            md.update(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
