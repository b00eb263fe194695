package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.ops.AppliedVersion;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code strata current}: the revision the database is at, when it was applied, and whether it matches. */
@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Show the revision the database is at and whether its live schema matches it.")
public final class CurrentCommand extends StrataSubcommand {

    @picocli.CommandLine.Option(names = "--check", description = "Exit 1 when anything is pending, drifted or interrupted (for scripts).")
    boolean check;

    @Override
    int execute() {
        ProjectConfig config = config();
        List<Revision> revisions = project().verifiedRevisions();
        LiveDatabase db = Operations.database(config);
        if (!db.exists()) {
            Revision head = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
            out().println(config.show(db.file()) + " does not exist yet" + (head == null ? ""
                    : "; the events end at revision " + head.label() + ": " + head.message()));
            return check && !revisions.isEmpty() ? ExitCode.CHECK_FAILED : ExitCode.OK;
        }
        List<AppliedVersion> applied = db.applied();
        int version = db.currentVersion();
        AppliedVersion row = applied.stream().filter(a -> a.success() && a.version() == version).reduce((a, b) -> b).orElse(null);
        String label = version > 0 && version <= revisions.size() ? revisions.get(version - 1).label() + ": "
                + revisions.get(version - 1).message() : String.valueOf(version);
        out().println(config.show(db.file()) + " is at revision " + label + (row == null ? "" : " (applied " + row.installedOn() + ")"));
        applied.stream().filter(a -> !a.success()).forEach(a ->
                out().println("failed: version " + a.version() + " (" + a.description() + ") is recorded as failed; run flyway repair"));
        Integer interrupted = Operations.interrupted(revisions, db);
        int pending = revisions.size() - (interrupted != null ? interrupted : version);
        if (pending > 0) {
            out().println(pending + " revision(s) pending: run strata upgrade");
        }
        int drift = Operations.verify(config, revisions, db, out());
        if (drift == ExitCode.OK && !revisions.isEmpty()) {
            out().println("the live schema matches revision " + version);
        }
        return check && pending > 0 ? ExitCode.CHECK_FAILED : drift;
    }
}
