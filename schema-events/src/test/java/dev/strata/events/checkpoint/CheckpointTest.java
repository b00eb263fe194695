package dev.strata.events.checkpoint;

import dev.strata.events.json.CheckpointJson;
import dev.strata.events.json.RevisionFormatException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointTest {

    // written by `openssl genpkey -algorithm ed25519`; its public key by `openssl pkey -pubout -outform DER | base64`
    private static final String OPENSSL_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIENzlTnygK/rZ95QF7NrV0YohXOgqe6ByG5mO7VMZ8Kt
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC = "MCowBQYDK2VwAyEAHVYEaN5kba6FXuv2a9IDxwAP75ZaElWW+YBqxgCJlWw=";
    private static final String REVISION = "a".repeat(64);
    private static final String EVENT = "b".repeat(64);
    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void a_key_written_by_openssl_has_the_public_key_openssl_derives() {
        SigningKey key = SigningKey.fromPem(OPENSSL_KEY, "signing-key.pem");

        assertEquals(OPENSSL_PUBLIC, key.publicKeyBase64());
    }

    @Test
    void a_key_read_back_from_its_pem_is_the_same_key() {
        SigningKey key = SigningKey.generate();

        SigningKey again = SigningKey.fromPem(key.pem(), "signing-key.pem");

        assertEquals(key.keyId(), again.keyId());
        assertTrue(Checkpoint.sign("s", 1, REVISION, 1, EVENT, AT, again).signedBy(key.publicKey()));
    }

    @Test
    void the_signed_bytes_are_the_documented_lines() {
        SigningKey key = SigningKey.fromPem(OPENSSL_KEY, "k");

        Checkpoint c = Checkpoint.sign("stock-analyzer", 12, REVISION, 14, EVENT, AT, key);

        assertEquals("strata-checkpoint-v1\nsubject=stock-analyzer\nversion=12\nhash=" + REVISION + "\nevents=14\nhead=" + EVENT
                + "\nissuedAt=2026-03-01T10:00:00Z\nkeyId=" + key.keyId() + "\n", new String(c.signedBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void a_checkpoint_verifies_with_its_key_and_not_with_another() {
        SigningKey key = SigningKey.generate();

        Checkpoint c = Checkpoint.sign("stock-analyzer", 12, REVISION, 14, EVENT, AT, key);

        assertTrue(c.signedBy(key.publicKey()));
        assertFalse(c.signedBy(SigningKey.generate().publicKey()));
    }

    @Test
    void changing_any_signed_field_breaks_the_signature() {
        SigningKey key = SigningKey.generate();
        Checkpoint c = Checkpoint.sign("stock-analyzer", 12, REVISION, 14, EVENT, AT, key);

        Checkpoint fewerEvents = new Checkpoint(c.subject(), c.version(), c.hash(), 13, c.head(), c.issuedAt(), c.keyId(), c.signature());
        Checkpoint otherHead = new Checkpoint(c.subject(), c.version(), c.hash(), c.events(), "c".repeat(64), c.issuedAt(), c.keyId(),
                c.signature());

        assertFalse(fewerEvents.signedBy(key.publicKey()));
        assertFalse(otherHead.signedBy(key.publicKey()));
    }

    @Test
    void a_checkpoint_survives_its_json() {
        Checkpoint c = Checkpoint.sign("stock-analyzer", 12, REVISION, 14, EVENT, AT, SigningKey.generate());

        Checkpoint read = CheckpointJson.read(CheckpointJson.write(c), "c.json");

        assertEquals(c, read);
    }

    @Test
    void a_document_without_a_checkpoint_is_named_in_the_error() {
        RevisionFormatException e = assertThrows(RevisionFormatException.class, () -> CheckpointJson.read("{\"tag\": \"v1\"}", "plan.json"));

        assertEquals("plan.json: holds no checkpoint (expected {subject, version, hash, events, head, issuedAt, keyId, signature},"
                + " alone or as the 'checkpoint' member)", e.getMessage());
    }

    @Test
    void a_pem_that_is_no_private_key_says_how_to_make_one() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SigningKey.fromPem("-----BEGIN PUBLIC KEY-----\nMCow\n-----END PUBLIC KEY-----\n", "key.pem"));

        assertEquals("key.pem: not a PKCS8 private key (expected -----BEGIN PRIVATE KEY-----); create one with"
                + " `openssl genpkey -algorithm ed25519 -out key.pem`", e.getMessage());
    }
}
