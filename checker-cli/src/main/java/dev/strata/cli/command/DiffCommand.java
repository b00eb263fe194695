package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.projection.Difference;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code strata diff}: what differs between a revision and another revision or the models. */
@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what differs between a revision (default head) and the models or another revision.")
public final class DiffCommand extends StrataSubcommand {

    @Option(names = "--from", paramLabel = "REV", description = "A revision number or slug, head (default) or base.")
    String from;

    @Option(names = "--to", paramLabel = "REV", description = "A revision, or models (default).")
    String to;

    @Override
    int execute() {
        List<Revision> revisions = project().verifiedRevisions();
        int fromN = RevisionSelector.resolve("--from", from, revisions);
        Schema a = Projection.schemaAt(revisions, fromN);
        boolean toModels = to == null || to.equals("models");
        Schema b = toModels ? project().models() : Projection.schemaAt(revisions, RevisionSelector.resolve("--to", to, revisions));
        String aName = "revision " + fromN;
        String bName = toModels ? "the models" : "revision " + to;
        List<Difference> differences = SchemaDiff.differences(b, a, bName, aName);
        if (differences.isEmpty()) {
            out().println("no differences between " + aName + " and " + bName);
            return ExitCode.OK;
        }
        differences.forEach(d -> out().println((d.informational() ? "note: " : "") + d.message()));
        List<SchemaEvent> events = SchemaDiff.events(a, b);
        if (!events.isEmpty()) {
            out().println();
            out().println("events that turn " + aName + " into " + bName + ":");
            events.forEach(e -> out().println("  - " + e.describe()));
            out().println();
            out().println("SQL:");
            out().print(SqliteDialect.render(a, events).text());
        }
        out().flush();
        return differences.stream().allMatch(Difference::informational) ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
