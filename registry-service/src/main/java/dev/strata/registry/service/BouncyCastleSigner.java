package dev.strata.registry.service;

import dev.strata.events.checkpoint.Signer;
import dev.strata.events.checkpoint.SigningKey;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.util.Arrays;
import java.util.Base64;

/**
 * Signs with a {@link SigningKey}'s Ed25519 key through Bouncy Castle: the same signatures as the JDK gives (Ed25519 is
 * deterministic) at about 30 µs instead of 600 µs each, and the registry signs a checkpoint per write.
 */
final class BouncyCastleSigner implements Signer {

    /** The X.509 encoding of an Ed25519 public key ends with its 32 bytes. */
    private static final int PUBLIC_KEY_BYTES = 32;

    private final Ed25519PrivateKeyParameters key;
    private final String keyId;

    BouncyCastleSigner(SigningKey signingKey) {
        this.key = new Ed25519PrivateKeyParameters(signingKey.seed());
        this.keyId = signingKey.keyId();
        byte[] x509 = signingKey.publicKey().getEncoded();
        byte[] expected = Arrays.copyOfRange(x509, x509.length - PUBLIC_KEY_BYTES, x509.length);
        if (!Arrays.equals(key.generatePublicKey().getEncoded(), expected)) {
            throw new IllegalStateException("the signing key " + keyId + " gives another public key in Bouncy Castle than in the JDK;"
                    + " checkpoints would not verify");
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public String sign(byte[] bytes) {
        // a signer holds the message it buffers: one per signature, the key is shared
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(bytes, 0, bytes.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }
}
