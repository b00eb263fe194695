package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.layout.FlywayFolderWriter;
import dev.strata.cli.layout.Layout;
import dev.strata.cli.layout.Layouts;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code strata convert}: the migrations, in whatever layout they are, written as a Flyway folder. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Write the migrations (any layout --layout takes) as a Flyway folder of V/U files, SQL unchanged.")
public final class ConvertCommand extends StrataSubcommand {

    @Option(names = "--to", paramLabel = "DIR", description = "The new Flyway folder; must be new or empty (default: db/migration).")
    Path to = Path.of("db/migration");

    @Override
    int execute() {
        ProjectConfig config = config();
        Layout layout = Layouts.of(config);
        MigrationFolder folder = layout.read(config.migrations(), config.show(config.migrations()));
        if (!folder.problems().isEmpty()) {
            StringBuilder msg = new StringBuilder(folder.shownAs() + " cannot be converted whole:");
            folder.problems().forEach(p -> msg.append("\n  ").append(p.message()).append("\n    fix: ").append(p.hint()));
            throw new InvalidInputException(msg.toString());
        }
        if (folder.pairs().isEmpty()) {
            throw new InvalidInputException("no migrations in " + folder.shownAs() + " (read as " + layout.name()
                    + "); fix: point --migrations at the folder, and --layout at its tool if it is not recognised");
        }
        Path target = config.root().resolve(to).normalize();
        var written = FlywayFolderWriter.write(folder, target, config.show(target));
        out().println("wrote " + written.size() + " files for " + folder.pairs().size() + " migrations of " + folder.shownAs() + " ("
                + layout.name() + ") to " + config.show(target) + "; point strata.yaml's migrations at it to use it");
        return ExitCode.OK;
    }
}
