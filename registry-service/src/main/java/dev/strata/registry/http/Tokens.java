package dev.strata.registry.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens and their roles. Configured as lines {@code ROLE TOKEN} (roles: read, write, admin)
 * from a file or the STRATA_REGISTRY_TOKENS environment variable ({@code write:TOKEN,read:TOKEN}).
 * Tokens are compared, never logged.
 */
public final class Tokens {

    /** What a token may do; each role includes the ones before it. */
    public enum Role { NONE, READ, WRITE, ADMIN;

        boolean allows(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    private static final Map<String, Role> ROLES = Map.of("read", Role.READ, "write", Role.WRITE, "admin", Role.ADMIN);

    private final Map<String, Role> roles;
    private final boolean openReads;

    public Tokens(Map<String, Role> roles, boolean openReads) {
        this.roles = Map.copyOf(roles);
        this.openReads = openReads;
    }

    /** Parses {@code role:token} pairs separated by commas or new lines ({@code ROLE TOKEN} lines work too). */
    public static Tokens parse(String spec, boolean openReads) {
        Map<String, Role> out = new HashMap<>();
        int position = 0;
        for (String entry : spec.split("[,\\n]")) {
            String e = entry.strip();
            position++;
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            // an entry is never echoed: without a role, its only word is the token itself
            String[] parts = e.split("[:\\s]+", 2);
            Role role = parts.length == 2 ? ROLES.get(parts[0].toLowerCase(java.util.Locale.ROOT)) : null;
            if (role == null || parts[1].length() < 16) {
                throw new IllegalArgumentException("token entry " + position + " (counting lines and commas from 1): expected"
                        + " ROLE:TOKEN with a role of read, write or admin and a token of at least 16 characters");
            }
            out.put(parts[1], role);
        }
        return new Tokens(out, openReads);
    }

    /** Whether reads need no token ({@code --open-reads}). */
    public boolean openReads() {
        return openReads;
    }

    /** Whether {@code token} is known and its role may read. */
    public boolean mayRead(String token) {
        Role role = roles.get(token);
        return role != null && role.allows(Role.READ);
    }

    /**
     * Checks the Authorization header for an operation that needs {@code needed}.
     *
     * @throws ApiException 401 for a missing or unknown token, 403 for a token whose role is too low
     */
    public void authorize(Optional<String> authorization, Role needed) {
        if (needed == Role.NONE || needed == Role.READ && openReads) {
            return;
        }
        String header = authorization.orElseThrow(() -> ApiError.UNAUTHORIZED.with("this needs a bearer token with the "
                + needed.name().toLowerCase(java.util.Locale.ROOT) + " role: send Authorization: Bearer <token>"));
        if (!header.startsWith("Bearer ")) {
            throw ApiError.UNAUTHORIZED.with("the Authorization header must be 'Bearer <token>'");
        }
        Role role = roles.get(header.substring("Bearer ".length()).strip());
        if (role == null) {
            throw ApiError.UNAUTHORIZED.with("unknown token");
        }
        if (!role.allows(needed)) {
            throw ApiError.FORBIDDEN.with("this token has the " + role.name().toLowerCase(java.util.Locale.ROOT) + " role; this needs "
                    + needed.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
