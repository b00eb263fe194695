package dev.strata.events.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash of one event in a subject's registry log: SHA-256 (lower-case hex) over the UTF-8 text
 * {@code subject \n version \n previousHash \n type \n payload}, the previous hash empty for version 1.
 * The registry chains its log with it; a client recomputes it to verify the log without trusting the registry.
 */
public final class EventHash {

    private EventHash() {
    }

    public static String of(String subject, long version, String previousHash, String type, String payload) {
        String canonical = subject + "\n" + version + "\n" + (previousHash == null ? "" : previousHash) + "\n" + type + "\n" + payload;
        return sha256(canonical.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
