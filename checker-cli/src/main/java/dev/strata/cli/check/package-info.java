/**
 * The checks of {@code strata check}: one class per check, each returning findings and keeping going,
 * the shared walk over the history on a scratch database, and the runner. No JDBC here: databases are
 * reached through schema-events' scratch database.
 */
package dev.strata.cli.check;
