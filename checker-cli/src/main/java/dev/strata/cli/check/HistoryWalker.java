package dev.strata.cli.check;

import java.util.function.IntConsumer;

/**
 * Walks a history's migrations on scratch databases for the {@code reversibility} and {@code data}
 * checks. The implementation lives in {@code ..check.walk}, which depends on this package, not the
 * other way round.
 */
@FunctionalInterface
public interface HistoryWalker {

    /** @param progress told how many versions have been round-tripped so far (from any thread) */
    HistoryWalk walk(CheckContext context, IntConsumer progress);

    /**
     * For each version, a key of everything that decides the walk's outcome and the live schema after it; null when
     * this walker has none (nothing about the versions' live schemas is then kept in the check cache).
     */
    default java.util.List<byte[]> versionKeys(CheckContext context) {
        return null;
    }
}
