/**
 * The registry service: event store (embedded SQLite or Kafka), projections and the HTTP API. Built in
 * its own issue; it depends on schema-events only, never on the CLI.
 */
package dev.strata.registry;
