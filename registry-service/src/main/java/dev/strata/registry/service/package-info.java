/**
 * The registry's application services: projections rebuilt from the log at start-up and kept current
 * on every append (subjects, revision chains with schema snapshots, tags, deployments), and the use
 * cases that decide on them and append through the {@code EventStore} port. No HTTP, no storage code.
 */
package dev.strata.registry.service;
