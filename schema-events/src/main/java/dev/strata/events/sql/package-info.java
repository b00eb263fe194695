/**
 * SQLite DDL: CREATE statements, events rendered as ALTER TABLE or SQLite's table-rebuild procedure,
 * migration file texts, and splitting scripts into statements. Pure: text in, text out, JDK only.
 */
package dev.strata.events.sql;
