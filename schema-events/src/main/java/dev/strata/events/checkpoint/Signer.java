package dev.strata.events.checkpoint;

/**
 * What signs checkpoints: Ed25519 signatures by one key, and that key's id. {@link SigningKey} signs with the JDK's
 * Ed25519; a registry that signs a checkpoint per write may use a faster implementation of the same key (Ed25519 is
 * deterministic, so both give the same bytes).
 *
 * <pre>Checkpoint c = Checkpoint.sign("stock-analyzer", 12, revisionHash, 14, eventHash, Instant.now(), signer);</pre>
 */
public interface Signer {

    /** {@code sha256:} and the hex SHA-256 of the public key's X.509 encoding. */
    String keyId();

    /** The Ed25519 signature of {@code bytes}, in Base64. */
    String sign(byte[] bytes);
}
