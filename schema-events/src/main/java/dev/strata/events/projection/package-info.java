/**
 * Projection: folds events into schemas, computes inverses and diffs. Pure: no I/O, JDK only.
 */
package dev.strata.events.projection;
