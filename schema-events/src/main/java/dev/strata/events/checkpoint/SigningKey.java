package dev.strata.events.checkpoint;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * An Ed25519 key pair (the JDK's own), its PKCS8 and PEM forms, and the key id clients pin:
 * {@code sha256:} and the hex SHA-256 of the public key's X.509 (SubjectPublicKeyInfo) encoding.
 *
 * <pre>SigningKey key = SigningKey.fromPem(Files.readString(file), file.toString());</pre>
 */
public final class SigningKey implements Signer {

    static final String KEY_ID = "sha256:[0-9a-f]{64}";
    private static final String ALGORITHM = "Ed25519";
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private final KeyPair pair;
    private final String keyId;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
        this.keyId = keyId(pair.getPublic());
    }

    /** A new random key pair. */
    public static SigningKey generate() {
        try {
            return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JVM (Java 15 or later has it)", e);
        }
    }

    /**
     * The key pair of a PEM {@code PRIVATE KEY} (PKCS8, as {@code openssl genpkey -algorithm ed25519} writes it) or of
     * the same in DER; {@code source} names the file in errors.
     */
    public static SigningKey fromPem(String text, String source) {
        String body = text.strip();
        if (body.startsWith(BEGIN) && body.endsWith(END)) {
            body = body.substring(BEGIN.length(), body.length() - END.length());
        } else if (body.startsWith("-----")) {
            throw new IllegalArgumentException(source + ": not a PKCS8 private key (expected " + BEGIN + "); create one with"
                    + " `openssl genpkey -algorithm ed25519 -out " + source + "`");
        }
        try {
            return fromPkcs8(Base64.getMimeDecoder().decode(body), source);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(source + ": not a PEM private key (" + notBase64.getMessage() + "); create one with"
                    + " `openssl genpkey -algorithm ed25519 -out " + source + "`");
        }
    }

    static SigningKey fromPkcs8(byte[] der, String source) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException(source + ": the Ed25519 key holds no private bytes"));
            // Ed25519's public key follows from the 32-byte seed; the JDK computes it when it generates a pair
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new Seed(seed));
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(source + ": not an Ed25519 private key in PKCS8 (" + e.getMessage() + "); create one"
                    + " with `openssl genpkey -algorithm ed25519 -out " + source + "`");
        }
    }

    /** The private key as PEM (PKCS8), for the key file. */
    public String pem() {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n";
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /**
     * The 32-byte private seed (RFC 8032) the key pair follows from, for a signer of another implementation; as secret
     * as the key file.
     */
    public byte[] seed() {
        return ((EdECPrivateKey) pair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the Ed25519 key " + keyId + " holds no private bytes"));
    }

    /** The public key's X.509 encoding in Base64, as {@code GET /v1/signing-key} serves it. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** The signature of {@code bytes}, in Base64. */
    @Override
    public String sign(byte[] bytes) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(pair.getPrivate());
            s.update(bytes);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with Ed25519: " + e.getMessage(), e);
        }
    }

    public static String keyId(PublicKey key) {
        return "sha256:" + EventHash.sha256(key.getEncoded());
    }

    /** The Ed25519 public key of a Base64 X.509 encoding; {@code source} names where it came from in errors. */
    public static PublicKey publicKey(String base64, String source) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": not an Ed25519 public key in Base64 X.509 (" + e.getMessage() + ")");
        }
    }

    static boolean verifies(PublicKey key, byte[] bytes, String signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(bytes);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException | InvalidKeyException | SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("verifying with Ed25519: " + e.getMessage(), e);
        }
    }

    /** Hands the key generator the seed instead of random bytes. */
    private static final class Seed extends SecureRandom {
        private final byte[] seed;

        Seed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for " + bytes.length + " bytes, not the seed's " + seed.length);
            }
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
