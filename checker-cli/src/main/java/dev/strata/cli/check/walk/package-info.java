/**
 * The walk over a history's migrations on scratch SQLite databases, for the {@code reversibility} and
 * {@code data} checks: a {@link dev.strata.cli.check.walk.Walk} shares the versions out between
 * {@link dev.strata.cli.check.walk.Lane}s; a lane keeps a {@link dev.strata.cli.check.walk.Scratch}
 * database at the state a straight upgrade gives, and makes each of its versions'
 * {@link dev.strata.cli.check.walk.RoundTrip} on it. A round trip that fails never leaves its damage
 * to the next version: the lane replays the upgrades instead. Scratch databases only; no project files.
 */
package dev.strata.cli.check.walk;
