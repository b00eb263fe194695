/**
 * Bringing an Alembic history over: runs the user's own Alembic (its offline {@code --sql} mode) to get each
 * revision's upgrade and downgrade SQL, and turns them into Flyway scripts. Touches files and processes only;
 * the database is adopted through {@code dev.strata.cli.ops}.
 */
package dev.strata.cli.alembic;
