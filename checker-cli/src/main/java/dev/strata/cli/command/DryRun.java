package dev.strata.cli.command;

import dev.strata.cli.ops.Migrator;
import dev.strata.cli.project.MigrationScript;
import dev.strata.cli.project.ProjectConfig;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/** What {@code --dry-run} prints: the backup, the order of the scripts, then each script's SQL; nothing changes. */
final class DryRun {

    private DryRun() {
    }

    /**
     * @param sql the SQL a step runs, as it would run
     * @param script the script a step runs, for its name and transaction rule
     * @param from where a step's script comes from, appended to its heading ("" for none)
     */
    static <T> void print(PrintWriter out, ProjectConfig config, Migrator migrator, boolean noBackup, List<T> steps, String what,
                          Function<T, MigrationScript> script, Function<T, String> sql, Function<T, String> from) {
        out.println("-- dry run: " + what + "; nothing is changed");
        if (steps.isEmpty()) {
            out.println("-- nothing to run");
            return;
        }
        String backup = migrator.backupTarget();
        out.println(noBackup || backup == null ? "-- no backup (" + (backup == null ? "the database does not exist yet" : "--no-backup") + ")"
                : "-- first, a backup to " + config.show(java.nio.file.Path.of(backup)));
        out.println("-- then " + steps.size() + " script(s) in this order: " + String.join(", ", steps.stream().map(s -> name(script.apply(s))).toList()));
        for (T step : steps) {
            out.println();
            out.println("-- " + name(script.apply(step)) + from.apply(step));
            String text = sql.apply(step);
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
    }

    private static String name(MigrationScript s) {
        return s.name() + (s.transactional() ? "" : " (outside a transaction)");
    }
}
