package dev.strata.registry.web;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Who may read the UI: the registry's read tokens (any role that may read), or everyone when the operator
 * enabled open reads. Given by the composition root, so the UI never sees how tokens are configured.
 *
 * @param openReads whether reads need no token ({@code --open-reads})
 * @param tokenCheck whether a token may read
 */
public record Access(boolean openReads, Predicate<String> tokenCheck) {

    public Access {
        Objects.requireNonNull(tokenCheck, "access needs a token check");
    }

    /** Whether {@code token} may read. */
    public boolean mayRead(String token) {
        return tokenCheck.test(token);
    }
}
