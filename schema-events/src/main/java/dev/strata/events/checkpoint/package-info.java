/**
 * The registry's signed checkpoints, shared by the registry (which signs) and the CLI (which verifies): the
 * checkpoint value and its canonical signed bytes, the Ed25519 signing key, and the hash of one registry log
 * event, and the {@link dev.strata.events.checkpoint.Signer} role a faster implementation of the same key can fill.
 * Pure: JDK only (java.security), no I/O.
 */
package dev.strata.events.checkpoint;
