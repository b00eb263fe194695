package dev.strata.events.checkpoint;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The event hash is a published format (clients verify logs with it): fixed vectors from sha256sum, in both of its forms. */
class EventHashTest {

    private static final String PAYLOAD = "v1.0.0\n2\nc0ffee\nJosé\n2026-03-01T10:00:00Z";
    private static final String PREVIOUS = "a".repeat(64);

    @Test
    void hash_is_sha256_of_the_documented_text_in_utf8() {
        assertEquals("e700208f35fe4df22d56477ac3341e0daad8d36f8082ac226ed0acc787e195f6",
                EventHash.of("stock-analyzer", 3, PREVIOUS, "TagReleased", PAYLOAD));
        assertEquals("ef8440cd81ee25f17caf0e65a752308e05519981168a428a68068f73dd509dcd",
                EventHash.of("stock-analyzer", 1, null, "TagReleased", PAYLOAD));
    }

    @Test
    void hash_from_a_tail_encoded_beforehand_is_the_same() {
        byte[] tail = EventHash.tail("TagReleased", PAYLOAD);

        assertEquals("e700208f35fe4df22d56477ac3341e0daad8d36f8082ac226ed0acc787e195f6", EventHash.of("stock-analyzer", 3, PREVIOUS, tail));
        assertEquals("ef8440cd81ee25f17caf0e65a752308e05519981168a428a68068f73dd509dcd", EventHash.of("stock-analyzer", 1, null, tail));
    }
}
