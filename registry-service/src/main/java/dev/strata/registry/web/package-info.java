/**
 * The registry's read-only web UI: one class per page, rendered on the server as HTML (every value escaped
 * through {@link dev.strata.registry.web.Html}), a stylesheet from the jar, no script. Reads the application
 * services only; never a store, never a write.
 */
package dev.strata.registry.web;
