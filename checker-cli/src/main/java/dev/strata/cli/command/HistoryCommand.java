package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Locale;

/** {@code strata history}: every revision, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List every revision, newest first; the chain is verified.")
public final class HistoryCommand extends StrataSubcommand {

    @Option(names = {"-v", "--verbose"}, description = "Add author, time, hashes and each event.")
    boolean verbose;

    @Override
    int execute() {
        List<Revision> revisions = project().verifiedRevisions();
        if (revisions.isEmpty()) {
            MigrationFolder folder = dev.strata.cli.layout.Layouts.read(config());
            if (folder.pairs().isEmpty()) {
                out().println("no revisions in " + config().show(config().events()) + " and no migrations in "
                        + folder.shownAs());
                return ExitCode.OK;
            }
            for (int i = folder.pairs().size() - 1; i >= 0; i--) {
                MigrationPair p = folder.pairs().get(i);
                out().printf(Locale.ROOT, "%4d  %s%s%n", p.version(), p.description(), p.down() == null ? "  (no downgrade)" : "");
            }
            return ExitCode.OK;
        }
        int width = revisions.stream().mapToInt(r -> r.slug().length()).max().orElse(0);
        var db = Operations.database(config());
        java.util.Set<Integer> applied = verbose && db.exists() ? db.applied().stream().filter(a -> a.success())
                .map(a -> a.version()).collect(java.util.stream.Collectors.toSet()) : java.util.Set.of();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            Revision r = revisions.get(i);
            out().printf(Locale.ROOT, "%4d  %-" + width + "s  %s%s%n", r.number(), r.slug(), r.message(),
                    i == revisions.size() - 1 ? "  (head)" : "");
            if (verbose) {
                out().println("      author:    " + r.author());
                out().println("      time:      " + r.timestamp());
                out().println("      hash:      " + r.hash());
                out().println("      parent:    " + (r.parent() == null ? "(none)" : r.parent()));
                out().println("      file:      " + config().show(config().events()) + "/" + r.eventFileName());
                if (db.exists()) {
                    out().println("      applied:   " + (applied.contains(r.number()) ? "yes" : "no") + " (" + config().show(db.file()) + ")");
                }
                for (SchemaEvent e : r.events()) {
                    out().println("      - " + e.describe());
                }
                out().println();
            }
        }
        if (verbose) {
            out().println("chain verified: " + revisions.size() + " revisions, head " + revisions.get(revisions.size() - 1).hash());
        }
        return ExitCode.OK;
    }
}
