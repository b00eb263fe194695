package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.diagram.ErDiagram;
import dev.strata.cli.report.SchemaText;
import dev.strata.events.Revision;
import dev.strata.events.json.SchemaJson;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqliteDialect;
import dev.strata.events.sqlite.ScratchDatabase;
import dev.strata.events.sqlite.ScriptException;
import dev.strata.cli.OperationFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code strata schema}: the schema at a revision, as text, SQL, JSON or a Mermaid ER diagram. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Show the schema at a revision (default head).")
public final class SchemaCommand extends StrataSubcommand {

    enum Format { text, sql, json, mermaid }

    @Option(names = "--at", paramLabel = "REV", description = "A revision number or slug, head (default) or base.")
    String at;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default), sql, json or mermaid.")
    Format format;

    @Override
    int execute() {
        Schema schema = schema();
        String text = switch (format) {
            case text -> SchemaText.of(schema);
            case sql -> SqliteDialect.createAll(schema).text();
            case json -> SchemaJson.write(schema);
            case mermaid -> ErDiagram.of(schema);
        };
        out().print(text);
        out().flush();
        return ExitCode.OK;
    }

    private Schema schema() {
        List<Revision> revisions = project().verifiedRevisions();
        if (!revisions.isEmpty()) {
            return Projection.schemaAt(revisions, RevisionSelector.resolve("--at", at, revisions));
        }
        // a plain Flyway folder: run its upgrades on a scratch database and read the result
        List<MigrationPair> pairs = dev.strata.cli.layout.Layouts.read(config()).pairs();
        int target = at == null || at.equals("head") ? Integer.MAX_VALUE : at.equals("base") ? 0 : Integer.parseInt(at);
        try (ScratchDatabase db = ScratchDatabase.create(true)) {
            for (MigrationPair p : pairs) {
                if (p.version() > target) {
                    break;
                }
                try {
                    db.apply(p.up().script());
                } catch (ScriptException e) {
                    throw new OperationFailedException(p.up().file() + ": " + e.getMessage());
                }
            }
            return db.introspect();
        }
    }
}
