package dev.strata.cli.project;

import java.util.Objects;

/**
 * The upgrade of one version and its downgrade.
 *
 * @param version the walk's number: Flyway's own version, or the 1-based position in the tool's order for
 *                tools whose versions are timestamps or names
 * @param down the downgrade, or null when the folder has none
 * @param toolVersion the version as the tool spells it ({@code 20240731203656}, {@code 2022-08-08-134037},
 *                    {@code alice:add-index}), for messages
 */
public record MigrationPair(int version, String description, MigrationScript up, MigrationScript down, String toolVersion) {

    public MigrationPair {
        Objects.requireNonNull(up, "a migration needs its upgrade");
        if (toolVersion == null || toolVersion.isBlank()) {
            throw new IllegalArgumentException("migration " + version + " needs the version its tool gives it");
        }
    }

    /** A Flyway migration, whose tool version is its number. */
    public MigrationPair(int version, String description, MigrationScript up, MigrationScript down) {
        this(version, description, up, down, String.valueOf(version));
    }
}
