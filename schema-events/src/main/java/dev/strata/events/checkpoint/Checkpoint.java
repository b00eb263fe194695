package dev.strata.events.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The registry's signed statement of a subject's head: its newest revision ({@code version}, {@code hash}) and its
 * newest log event ({@code events} = the log's length, {@code head} = that event's hash), so cutting any newest event
 * off the log, a tag or a deployment as much as a revision, is detectable. The signature is Ed25519 over
 * {@link #signedBytes()}.
 *
 * <pre>Checkpoint c = Checkpoint.sign("stock-analyzer", 12, revisionHash, 14, eventHash, Instant.now(), key);</pre>
 */
public record Checkpoint(String subject, int version, String hash, long events, String head, Instant issuedAt, String keyId,
                         String signature) {

    /** The first line of the signed text: names the format, so a signature over anything else never verifies. */
    public static final String FORMAT = "strata-checkpoint-v1";

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    public Checkpoint {
        Objects.requireNonNull(subject, "a checkpoint needs a subject");
        Objects.requireNonNull(issuedAt, "a checkpoint needs issuedAt");
        Objects.requireNonNull(signature, "a checkpoint needs a signature");
        if (subject.isBlank() || subject.contains("\n")) {
            throw new IllegalArgumentException("checkpoint subject '" + subject + "' is not a subject name");
        }
        if (version < 0 || events < 1 || events < version) {
            throw new IllegalArgumentException("checkpoint of " + subject + ": version " + version + " and events " + events
                    + " do not fit (events counts every log event, revisions among them, and is at least 1)");
        }
        if (version > 0 && (hash == null || !HASH.matcher(hash).matches()) || version == 0 && hash != null && !hash.isEmpty()) {
            throw new IllegalArgumentException("checkpoint of " + subject + ": hash '" + hash + "' is not the SHA-256 of revision " + version);
        }
        if (head == null || !HASH.matcher(head).matches()) {
            throw new IllegalArgumentException("checkpoint of " + subject + ": head '" + head + "' is not the SHA-256 of event " + events);
        }
        if (keyId == null || !keyId.matches(SigningKey.KEY_ID)) {
            throw new IllegalArgumentException("checkpoint of " + subject + ": keyId '" + keyId + "' is not sha256:<64 hex digits>");
        }
        hash = hash == null ? "" : hash;
    }

    /** The checkpoint of a subject's head, signed by {@code key} (a {@link SigningKey} or a faster signer of one). */
    public static Checkpoint sign(String subject, int version, String hash, long events, String head, Instant issuedAt,
                                  Signer key) {
        Checkpoint unsigned = new Checkpoint(subject, version, hash, events, head, issuedAt, key.keyId(), "");
        return unsigned.withSignature(key.sign(unsigned.signedBytes()));
    }

    private Checkpoint withSignature(String s) {
        return new Checkpoint(subject, version, hash, events, head, issuedAt, keyId, s);
    }

    /**
     * The canonical bytes the signature covers: UTF-8 lines {@code strata-checkpoint-v1}, then {@code name=value} for
     * subject, version, hash, events, head, issuedAt (ISO-8601, UTC) and keyId, in that order, each ended by \n.
     */
    public byte[] signedBytes() {
        String text = FORMAT + "\nsubject=" + subject + "\nversion=" + version + "\nhash=" + hash + "\nevents=" + events
                + "\nhead=" + head + "\nissuedAt=" + issuedAt + "\nkeyId=" + keyId + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the signature is {@code key}'s over {@link #signedBytes()} (and the keyId names {@code key}). */
    public boolean signedBy(PublicKey key) {
        return SigningKey.keyId(key).equals(keyId) && SigningKey.verifies(key, signedBytes(), signature);
    }

    /** The fields in their documented order, for JSON. */
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("subject", subject);
        out.put("version", version);
        out.put("hash", hash);
        out.put("events", events);
        out.put("head", head);
        out.put("issuedAt", issuedAt.toString());
        out.put("keyId", keyId);
        out.put("signature", signature);
        return out;
    }

    /** For messages: {@code stock-analyzer revision 12, event 14, signed 2026-03-01T10:00:00Z}. */
    public String describe() {
        return subject + " revision " + version + ", event " + events + ", signed " + issuedAt;
    }
}
