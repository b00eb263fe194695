/**
 * The registry's HTTP adapter: routes under /v1 on the JDK's HTTP server (loopback by default),
 * bearer-token auth, one table of API errors. Uses the application services; never a store directly.
 */
package dev.strata.registry.http;
