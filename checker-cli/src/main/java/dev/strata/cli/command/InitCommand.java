package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ModelsFile;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.Revision;
import dev.strata.events.SchemaEvent;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.SchemaDiff;
import dev.strata.events.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code strata init --from-db FILE}: adopt an existing database. Writes strata.yaml, the models and a
 * baseline revision from its schema, and stamps the database at that revision, so that
 * {@code strata check} passes right away.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Adopt an existing database: write strata.yaml, models and a baseline revision from its schema.")
public final class InitCommand extends StrataSubcommand {

    @Option(names = "--from-db", required = true, paramLabel = "FILE", description = "The existing SQLite database.")
    Path fromDb;

    @Option(names = "--author", paramLabel = "NAME", description = "Author of the baseline revision (default: $STRATA_AUTHOR, else git's user.name <user.email>, else the OS user).")
    String author;

    @Override
    int execute() {
        ProjectConfig config = config();
        Path source = config.root().resolve(fromDb);
        if (!Files.isRegularFile(source)) {
            throw new InvalidInputException("--from-db " + fromDb + ": no such file");
        }
        if (Files.exists(config.root().resolve(ProjectConfig.FILE)) || !project().revisions().isEmpty()) {
            throw new InvalidInputException(config.show(config.root()) + " is already a strata project (strata.yaml or revisions exist);"
                    + " init adopts a database into a new project");
        }
        LiveDatabase existing = new LiveDatabase(source);
        if (!existing.applied().isEmpty()) {
            throw new InvalidInputException(config.show(source) + " already has a Flyway history (" + existing.applied().size()
                    + " versions): keep its migrations and check them with `strata check --migrations DIR`, instead of a baseline");
        }
        Schema schema = existing.schema();
        List<SchemaEvent> events = SchemaDiff.events(Schema.EMPTY, schema);
        if (events.isEmpty()) {
            throw new InvalidInputException(config.show(source) + " has no tables, views or triggers to adopt");
        }
        Revision baseline = RevisionHasher.seal(new Revision(1, "baseline", "Baseline of " + source.getFileName(),
                dev.strata.cli.git.Author.of(config.root(), author), clock().instant().truncatedTo(ChronoUnit.SECONDS),
                null, events, null));
        Path models = config.models() instanceof ModelsFile f && f.file().toString().matches(".*\\.ya?ml")
                ? f.file() : config.root().resolve("schema/models.yaml");
        try {
            RevisionFiles.writeAtomically(config.root().resolve(ProjectConfig.FILE), "subject: " + config.subject() + "\n"
                    + "models: " + config.show(models) + "\nevents: " + config.show(config.events())
                    + "\nmigrations: " + config.show(config.migrations()) + "\ndatabase: " + config.show(source)
                    + "\nbackups: " + config.show(config.backups()) + "\n");
            Files.createDirectories(models.toAbsolutePath().getParent());
            RevisionFiles.writeAtomically(models, ModelsYaml.write(schema));
            RevisionFiles.write(config.events(), baseline);
            Path migrations = Files.createDirectories(config.migrations());
            for (Map.Entry<String, String> f : GeneratedFiles.of(List.of(baseline), config.show(config.events())).entrySet()) {
                RevisionFiles.writeAtomically(migrations.resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new OperationFailedException("writing the project files in " + config.show(config.root()) + ": " + e.getMessage(), e);
        }
        ProjectConfig adopted = root.config();
        Operations.migrator(adopted, List.of(baseline), Operations.flywayMigrations(adopted), clock(), out()).stamp(1);
        out().println("adopted " + config.show(source) + ": strata.yaml, " + config.show(models) + ", revision 1 (baseline) with "
                + events.size() + " events and its V/U files; the database is stamped at revision 1");
        return ExitCode.OK;
    }
}
