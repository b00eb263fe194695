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
    public enum Role { READ, WRITE, ADMIN;

        boolean allows(Role needed) {
            return compareTo(needed) >= 0;
        }
    }

    private final Map<String, Role> roles;
    private final boolean openReads;

    public Tokens(Map<String, Role> roles, boolean openReads) {
        this.roles = Map.copyOf(roles);
        this.openReads = openReads;
    }

    /** Parses {@code role:token} pairs separated by commas or new lines ({@code ROLE TOKEN} lines work too). */
    public static Tokens parse(String spec, boolean openReads) {
        Map<String, Role> out = new HashMap<>();
        for (String entry : spec.split("[,\\n]")) {
            String e = entry.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            String[] parts = e.split("[:\\s]+", 2);
            if (parts.length != 2 || parts[1].length() < 16) {
                throw new IllegalArgumentException("token entry '" + parts[0] + ":…': expected ROLE:TOKEN with a role of read,"
                        + " write or admin and a token of at least 16 characters");
            }
            out.put(parts[1], Role.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT)));
        }
        return new Tokens(out, openReads);
    }

    /**
     * Checks the Authorization header for an operation that needs {@code needed}.
     *
     * @throws ApiException 401 for a missing or unknown token, 403 for a token whose role is too low
     */
    public void authorize(Optional<String> authorization, Role needed) {
        if (needed == Role.READ && openReads) {
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
