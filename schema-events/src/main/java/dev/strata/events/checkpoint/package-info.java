/**
 * The registry's signed checkpoints, shared by the registry (which signs) and the CLI (which verifies): the
 * checkpoint value and its canonical signed bytes, the Ed25519 signing key, and the hash of one registry log
 * event. Pure: JDK only (java.security), no I/O.
 */
package dev.strata.events.checkpoint;
