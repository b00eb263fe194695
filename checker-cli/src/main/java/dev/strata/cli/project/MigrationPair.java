package dev.strata.cli.project;

/**
 * The upgrade of one version and its downgrade.
 *
 * @param down the downgrade, or null when the folder has none
 */
public record MigrationPair(int version, String description, MigrationScript up, MigrationScript down) {
}
