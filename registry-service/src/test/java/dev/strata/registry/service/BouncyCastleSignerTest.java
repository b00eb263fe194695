package dev.strata.registry.service;

import dev.strata.events.checkpoint.Checkpoint;
import dev.strata.events.checkpoint.SigningKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's fast signer must give exactly the JDK's Ed25519 signatures, so every client verifies them as before. */
class BouncyCastleSignerTest {

    private static final String REVISION = "a".repeat(64);
    private static final String EVENT = "b".repeat(64);

    @Test
    void signs_every_message_exactly_as_the_jdk_does() {
        SigningKey key = SigningKey.generate();
        BouncyCastleSigner signer = new BouncyCastleSigner(key);

        for (int i = 0; i < 50; i++) {
            byte[] message = ("strata-checkpoint-v1\nsubject=s\nversion=" + i + "\n").repeat(i + 1).getBytes(StandardCharsets.UTF_8);
            assertEquals(key.sign(message), signer.sign(message), "message " + i);
        }
    }

    @Test
    void signs_with_a_key_read_from_its_pem_file_as_the_jdk_does() {
        SigningKey key = SigningKey.fromPem(SigningKey.generate().pem(), "signing-key.pem");
        byte[] message = "strata-checkpoint-v1\nsubject=stock-analyzer\n".getBytes(StandardCharsets.UTF_8);

        String signature = new BouncyCastleSigner(key).sign(message);

        assertEquals(key.sign(message), signature);
    }

    @Test
    void its_checkpoint_verifies_with_the_served_public_key_and_not_with_another() {
        SigningKey key = SigningKey.generate();

        Checkpoint c = Checkpoint.sign("stock-analyzer", 12, REVISION, 14, EVENT, Instant.parse("2026-03-01T10:00:00Z"),
                new BouncyCastleSigner(key));

        assertEquals(key.keyId(), c.keyId());
        assertTrue(c.signedBy(SigningKey.publicKey(key.publicKeyBase64(), "GET /v1/signing-key")));
        assertFalse(c.signedBy(SigningKey.generate().publicKey()));
    }
}
