package dev.strata.registry.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokensTest {

    private static final String SECRET = "s3cret-token-without-a-role-0123";

    @Test
    void an_entry_without_a_role_is_named_by_its_position_never_by_its_token() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tokens.parse("write:write-token-0123456789\n" + SECRET, false));

        assertEquals("token entry 2 (counting lines and commas from 1): expected ROLE:TOKEN with a role of read, write or admin"
                + " and a token of at least 16 characters", e.getMessage());
    }

    @Test
    void an_entry_with_an_unknown_role_does_not_show_the_token_either() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokens.parse(SECRET + ":reader", false));

        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void the_registry_refuses_to_start_on_a_bad_entry_without_printing_the_token() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), "dev.strata.registry.RegistryMain", "--port", "0").redirectErrorStream(true);
        pb.environment().put("STRATA_REGISTRY_TOKENS", "read:read-token-0123456789ab," + SECRET);
        Process registry = pb.start();
        String output = new String(registry.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(registry.waitFor(20, TimeUnit.SECONDS));
        assertEquals(2, registry.exitValue(), output);
        assertEquals("error: STRATA_REGISTRY_TOKENS: token entry 2 (counting lines and commas from 1): expected ROLE:TOKEN with a role"
                + " of read, write or admin and a token of at least 16 characters", output.strip());
        assertFalse(output.contains(SECRET));
    }
}
