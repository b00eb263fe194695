package dev.strata.cli.ops;

/** A row of Flyway's {@code flyway_schema_history}: a version applied (or failed) at a time. */
public record AppliedVersion(int version, String description, String installedOn, boolean success) {
}
