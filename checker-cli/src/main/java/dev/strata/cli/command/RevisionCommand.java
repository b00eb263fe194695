package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.SqlExecuted;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import dev.strata.events.sql.SqlSplitter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code strata revision}: record a new revision on top of head and write its V/U files. Its events
 * come from the models ({@code --autogenerate}) or a hand-written file ({@code --events-file}); with
 * neither, a draft with an {@code SqlExecuted} to fill in is written.
 */
@Command(name = "revision", mixinStandardHelpOptions = true, description = "Record a new revision: --autogenerate from the models, or --events-file FILE.")
public final class RevisionCommand extends StrataSubcommand {

    static final String DRAFT = "revision-draft.json";

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the revision does.")
    String message;

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(names = "--autogenerate", description = "Diff the models against head and record the events.")
        boolean autogenerate;

        @Option(names = "--events-file", paramLabel = "FILE", description = "A JSON array of events (e.g. a ColumnRenamed or an SqlExecuted).")
        Path events;
    }

    @Option(names = "--allow-drop-all", description = "Let --autogenerate drop every table (the models really declare none of them).")
    boolean allowDropAll;

    @Option(names = "--author", paramLabel = "NAME", description = "Author (default: $STRATA_AUTHOR, else git's user.name <user.email>, else the OS user).")
    String author;

    @Option(names = "--timestamp", hidden = true, paramLabel = "ISO", description = "Record time (for reproducible examples).")
    String timestamp;

    @Override
    int execute() {
        ProjectConfig config = config();
        List<Revision> revisions = project().verifiedRevisions();
        Schema head = Projection.schemaAt(revisions, revisions.size());
        List<SchemaEvent> events;
        if (source != null && source.autogenerate) {
            Schema models = project().models();
            events = SchemaDiff.events(head, models);
            if (events.isEmpty()) {
                out().println("no changes: the models equal the schema at head (revision " + revisions.size() + ")");
                return ExitCode.CHECK_FAILED;
            }
            refuseDroppingEveryTable(config, head, models, events);
        } else if (source != null && source.events != null) {
            events = readEvents(config, source.events);
        } else {
            return writeDraft(config);
        }
        Revision revision = RevisionHasher.seal(new Revision(revisions.size() + 1, Revision.slugOf(message), message, author(),
                time(), revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).hash(), events, null));
        Projection.apply(head, revision);
        List<Revision> all = new java.util.ArrayList<>(revisions);
        all.add(revision);
        try {
            Files.createDirectories(config.migrations());
            for (Map.Entry<String, String> e : GeneratedFiles.of(all, config.show(config.events())).entrySet()) {
                if (e.getKey().matches("[VU]" + revision.number() + "__.*")) {
                    RevisionFiles.writeAtomically(config.migrations().resolve(e.getKey()), e.getValue());
                }
            }
        } catch (IOException e) {
            throw new OperationFailedException("writing the migrations of revision " + revision.label() + ": " + e.getMessage(), e);
        }
        Path file = RevisionFiles.write(config.events(), revision);
        out().println("recorded revision " + revision.label() + " in " + config.show(file));
        for (SchemaEvent e : events) {
            out().println("  - " + e.describe());
        }
        out().println("wrote " + revision.upgradeFileName() + " and " + revision.downgradeFileName() + " in "
                + config.show(config.migrations()) + "; review them, then run `strata check`");
        return ExitCode.OK;
    }

    /**
     * An empty or truncated models file would autogenerate a revision that drops every table: refused unless
     * {@code --allow-drop-all} says that is the intent.
     */
    private void refuseDroppingEveryTable(ProjectConfig config, Schema head, Schema models, List<SchemaEvent> events) {
        long drops = events.stream().filter(e -> e instanceof dev.strata.events.TableDropped).count();
        if (allowDropAll || head.tables().isEmpty() || drops < head.tables().size()) {
            return;
        }
        String shown = config.models().shown();
        String restore = config.models() instanceof dev.strata.cli.project.ModelsFile ? "git checkout -- " + shown : "git checkout -- the models' code";
        throw new InvalidInputException(shown + " declares " + models.tables().size() + " table(s), so --autogenerate"
                + " would drop all " + head.tables().size() + " tables at head (" + String.join(", ",
                head.tables().keySet().stream().map(dev.strata.events.schema.Identifier::name).sorted().toList())
                + "); nothing was written. If the models file is complete, run again with --allow-drop-all; if not, restore it"
                + " (" + restore + ") or point --models at the full file");
    }

    private List<SchemaEvent> readEvents(ProjectConfig config, Path file) {
        Path abs = config.root().resolve(file);
        String text;
        try {
            text = Files.readString(abs);
        } catch (IOException e) {
            throw new InvalidInputException("--events-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        List<SchemaEvent> events = RevisionCodec.readEvents(text, config.show(abs));
        if (events.isEmpty()) {
            throw new InvalidInputException(config.show(abs) + ": the array holds no events; add at least one");
        }
        for (SchemaEvent e : events) {
            if (e instanceof SqlExecuted s && (SqlSplitter.split(s.up()).isEmpty() || SqlSplitter.split(s.down()).isEmpty())) {
                throw new InvalidInputException(config.show(abs) + ": SqlExecuted '" + s.description()
                        + "' has no statement in its up or down SQL; write both before recording it");
            }
        }
        return events;
    }

    private int writeDraft(ProjectConfig config) {
        Path draft = config.root().resolve(DRAFT);
        if (Files.exists(draft)) {
            throw new InvalidInputException(config.show(draft) + " already exists: fill it in and run "
                    + "`strata revision -m \"" + message + "\" --events-file " + DRAFT + "`, or delete it");
        }
        String text = RevisionCodec.writeEvents(List.of(new SqlExecuted(message,
                "-- write the upgrade SQL here", "-- write the SQL that reverses it here")));
        try {
            RevisionFiles.writeAtomically(draft, text);
        } catch (IOException e) {
            throw new OperationFailedException("writing " + config.show(draft) + ": " + e.getMessage(), e);
        }
        out().println("wrote " + config.show(draft) + ": fill in 'up' and 'down' (or replace the event, e.g. by a ColumnRenamed),"
                + " then run `strata revision -m \"" + message + "\" --events-file " + DRAFT + "`");
        return ExitCode.OK;
    }

    private String author() {
        return dev.strata.cli.git.Author.of(config().root(), author);
    }

    private Instant time() {
        if (timestamp == null) {
            return clock().instant().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("--timestamp " + timestamp + ": expected an ISO-8601 UTC time such as 2026-01-12T09:30:00Z");
        }
    }
}
