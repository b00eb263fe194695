package dev.strata.registry.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sessions of people who entered a read token: an opaque random id (what the cookie holds, never the
 * token) mapped in memory to its expiry. A restart ends every session; so does logging out.
 */
final class Sessions {

    /** How long a session lasts from the login. */
    static final Duration LIFETIME = Duration.ofHours(8);
    /** At most this many live sessions; the oldest goes first when a login would pass it. */
    static final int MAX = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    /** Opens a session and returns its id. */
    String open() {
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !expiry.isAfter(now));
        while (expiries.size() >= MAX) {
            expiries.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> expiries.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(id, now.plus(LIFETIME));
        return id;
    }

    /** Whether {@code id} names a live session. */
    boolean isLive(Optional<String> id) {
        if (id.isEmpty()) {
            return false;
        }
        Instant expiry = expiries.get(id.get());
        if (expiry != null && !expiry.isAfter(clock.instant())) {
            expiries.remove(id.get());
            return false;
        }
        return expiry != null;
    }

    void close(Optional<String> id) {
        id.ifPresent(expiries::remove);
    }
}
