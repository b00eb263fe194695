package dev.strata.cli.check;

import dev.strata.events.sql.SqlScript;
import dev.strata.events.sqlite.AppFunctions;

import java.util.Objects;
import java.util.Set;

/**
 * How checks run: foreign keys on in the scratch database (as applications that declare them run),
 * warnings as failures, lint rules switched off, checks skipped, rows seeded per table, and what the
 * application or its migration tool sets up outside the migrations: SQL functions, and a prelude run
 * on every scratch database before the first migration.
 *
 * @param prelude statements to run first, or null; {@code preludeFile} names it in messages
 */
public record CheckOptions(boolean foreignKeys, boolean strict, Set<String> disabledLintRules, Set<String> skipped,
                           int rowsPerTable, AppFunctions functions, SqlScript prelude, String preludeFile) {

    public static final CheckOptions DEFAULTS = new CheckOptions(true, false, Set.of(), Set.of(), 3);

    public CheckOptions {
        disabledLintRules = Set.copyOf(disabledLintRules);
        skipped = Set.copyOf(skipped);
        Objects.requireNonNull(functions, "functions: AppFunctions.NONE for none");
        if (rowsPerTable < 0) {
            throw new IllegalArgumentException("rows per table must not be negative");
        }
        if ((prelude == null) != (preludeFile == null)) {
            throw new IllegalArgumentException("a prelude comes with the file it was read from");
        }
    }

    public CheckOptions(boolean foreignKeys, boolean strict, Set<String> disabledLintRules, Set<String> skipped, int rowsPerTable) {
        this(foreignKeys, strict, disabledLintRules, skipped, rowsPerTable, AppFunctions.NONE, null, null);
    }

    /** These options with the application's functions and prelude. */
    public CheckOptions withSetup(AppFunctions appFunctions, SqlScript preludeScript, String file) {
        return new CheckOptions(foreignKeys, strict, disabledLintRules, skipped, rowsPerTable, appFunctions, preludeScript, file);
    }
}
