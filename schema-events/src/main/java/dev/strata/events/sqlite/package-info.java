/**
 * The edge to live SQLite databases: introspection into {@code Schema}, scratch databases, running
 * scripts atomically, and models written as CREATE statements. The only package of schema-events
 * that touches JDBC, sqlite-jdbc or Flyway.
 */
package dev.strata.events.sqlite;
