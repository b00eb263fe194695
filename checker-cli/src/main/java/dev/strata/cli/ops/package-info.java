/**
 * Operations on a project's real database: backups and restores, upgrade through Flyway Core,
 * downgrade through the U files, and reading what is applied. The only package of the CLI that
 * touches JDBC and Flyway directly.
 */
package dev.strata.cli.ops;
