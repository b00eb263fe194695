package dev.strata.cli.alembic;

import java.util.Objects;

/**
 * One Alembic revision of a linear history.
 *
 * @param id the revision id ({@code 1a2b3c4d5e6f})
 * @param down the revision before it, or null for the first
 * @param message the revision's message, which names the Flyway files
 */
public record AlembicRevision(String id, String down, String message) {

    public AlembicRevision {
        if (id == null || !id.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("an Alembic revision id is letters, digits and '_', not '" + id + "'");
        }
        Objects.requireNonNull(message, "message");
    }

    /** The message as a Flyway description: {@code create_companies_table}. */
    public String slug() {
        String s = message.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? id : s;
    }
}
