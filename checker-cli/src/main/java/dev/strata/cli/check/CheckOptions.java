package dev.strata.cli.check;

import java.util.Set;

/**
 * How checks run: foreign keys on in the scratch database (as applications that declare them run),
 * warnings as failures, lint rules switched off, checks skipped, rows seeded per table.
 */
public record CheckOptions(boolean foreignKeys, boolean strict, Set<String> disabledLintRules, Set<String> skipped,
                           int rowsPerTable) {

    public static final CheckOptions DEFAULTS = new CheckOptions(true, false, Set.of(), Set.of(), 3);

    public CheckOptions {
        disabledLintRules = Set.copyOf(disabledLintRules);
        skipped = Set.copyOf(skipped);
        if (rowsPerTable < 0) {
            throw new IllegalArgumentException("rows per table must not be negative");
        }
    }
}
