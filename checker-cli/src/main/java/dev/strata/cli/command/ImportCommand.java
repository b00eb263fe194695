package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.alembic.Alembic;
import dev.strata.cli.alembic.AlembicHistory;
import dev.strata.cli.alembic.AlembicRevision;
import dev.strata.cli.layout.FlywayFolderWriter;
import dev.strata.cli.ops.LiveDatabase;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code strata import alembic}: an Alembic history as Flyway V/U files (from Alembic's offline SQL), the mapping of
 * revision ids to versions, and the project's database, if Alembic manages it, stamped at the matching version.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Bring another tool's history over as Flyway V/U files; TOOL is alembic.")
public final class ImportCommand extends StrataSubcommand {

    static final String MAPPING = "alembic-ids.txt";

    @Parameters(paramLabel = "TOOL", description = "The tool the history comes from: alembic.")
    String tool;

    @Option(names = "--config", paramLabel = "FILE", description = "Alembic's configuration (default: alembic.ini).")
    Path alembicConfig = Path.of("alembic.ini");

    @Option(names = "--alembic", paramLabel = "CMD", description = "The Alembic command (default: alembic, else python3 -m alembic).")
    String alembicCommand;

    @Override
    int execute() {
        if (!tool.equals("alembic")) {
            throw new InvalidInputException("strata import " + tool + ": only alembic is imported; other tools' folders are read as they"
                    + " are by strata check --layout, and written as Flyway by strata convert");
        }
        ProjectConfig config = config();
        Path ini = config.root().resolve(alembicConfig).normalize();
        if (!Files.isRegularFile(ini)) {
            throw new InvalidInputException(config.show(ini) + ": no such file; fix: run in the Alembic project or give --config alembic.ini");
        }
        Alembic alembic = Alembic.find(alembicCommand, config.root(), ini);
        List<AlembicRevision> revisions = AlembicHistory.revisions(alembic.history());
        if (revisions.isEmpty()) {
            throw new InvalidInputException("`alembic history` lists no revisions; nothing to import");
        }
        List<AlembicHistory.Script> scripts = AlembicHistory.scripts(alembic, revisions);
        String shown = config.show(config.migrations());
        List<MigrationPair> pairs = new ArrayList<>();
        for (AlembicHistory.Script s : scripts) {
            String name = s.version() + "__" + s.revision().slug() + ".sql";
            pairs.add(new MigrationPair(s.version(), s.revision().slug(),
                    new MigrationScript(s.version(), s.revision().slug(), shown + "/V" + name, s.up(), true),
                    new MigrationScript(s.version(), s.revision().slug(), shown + "/U" + name, s.down(), true)));
        }
        FlywayFolderWriter.write(new MigrationFolder(shown, pairs, List.of()), Map.of(MAPPING, AlembicHistory.mapping(scripts)),
                config.migrations(), shown);
        out().println("wrote " + scripts.size() + " Alembic revisions as V/U files to " + shown + " (mapping in " + shown + "/" + MAPPING + ")");
        adopt(config, AlembicHistory.versions(scripts));
        return ExitCode.OK;
    }

    private void adopt(ProjectConfig config, Map<String, Integer> versions) {
        LiveDatabase db = Operations.database(config);
        String revision = db.alembicRevision();
        if (revision == null) {
            return;
        }
        Integer version = versions.get(revision);
        if (version == null) {
            throw new InvalidInputException(config.show(db.file()) + " is at Alembic revision " + revision + ", which the history does not"
                    + " list; fix: import from the checkout that made the database, then run strata stamp");
        }
        var outcome = Operations.migrator(config, project().revisions(), Operations.flywayMigrations(config), clock(), out())
                .stamp(version);
        out().println("stamped " + config.show(db.file()) + " at version " + outcome.to() + " (Alembic revision " + revision
                + "); nothing was run, and alembic_version is left for Alembic and ignored by Strata");
    }
}
