/**
 * The CLI's HTTP client for the registry service (java.net.http). The CLI never depends on the
 * registry's code: they share the API, not classes.
 */
package dev.strata.cli.registry;
