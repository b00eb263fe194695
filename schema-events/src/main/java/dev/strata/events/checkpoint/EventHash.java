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
        return of(subject, version, previousHash, tail(type, payload));
    }

    /**
     * The UTF-8 bytes of the hashed text after the previous hash ({@code \n type \n payload}): known before the event's
     * place in the log is, so a log's one writer can have them encoded by the thread that asked for the append.
     */
    public static byte[] tail(String type, String payload) {
        return ("\n" + type + "\n" + payload).getBytes(StandardCharsets.UTF_8);
    }

    /** {@link #of(String, long, String, String, String)} with the {@link #tail} encoded already. */
    public static String of(String subject, long version, String previousHash, byte[] tail) {
        MessageDigest digest = sha256();
        digest.update((subject + "\n" + version + "\n" + (previousHash == null ? "" : previousHash)).getBytes(StandardCharsets.UTF_8));
        digest.update(tail);
        return HexFormat.of().formatHex(digest.digest());
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
