/**
 * The embedded event store: one SQLite file in WAL mode, an append-only table with a unique
 * (subject, version). Touches JDBC and sqlite-jdbc; never the HTTP adapter or Kafka.
 */
package dev.strata.registry.store.sqlite;
