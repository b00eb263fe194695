package dev.strata.events.json;

/**
 * One problem with a history read from disk.
 *
 * @param file the revision file, or null when the problem is between files
 * @param revision the revision number concerned
 */
public record HistoryProblem(String file, int revision, String message, String hint) {
}
