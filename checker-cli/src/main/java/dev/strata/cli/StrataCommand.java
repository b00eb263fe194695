package dev.strata.cli;

import dev.strata.cli.command.BackupCommand;
import dev.strata.cli.command.CheckCommand;
import dev.strata.cli.command.ConvertCommand;
import dev.strata.cli.command.ImportCommand;
import dev.strata.cli.command.CurrentCommand;
import dev.strata.cli.command.DowngradeCommand;
import dev.strata.cli.command.RestoreCommand;
import dev.strata.cli.command.RebaseCommand;
import dev.strata.cli.command.PushCommand;
import dev.strata.cli.command.AuditCommand;
import dev.strata.cli.command.GateCommand;
import dev.strata.cli.command.StampCommand;
import dev.strata.cli.command.InitCommand;
import dev.strata.cli.command.UpgradeCommand;
import dev.strata.cli.command.VerifyCommand;
import dev.strata.cli.command.DiffCommand;
import dev.strata.cli.command.GenerateCommand;
import dev.strata.cli.command.HistoryCommand;
import dev.strata.cli.command.RevisionCommand;
import dev.strata.cli.command.SchemaCommand;
import dev.strata.cli.project.ProjectConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * The {@code strata} command. {@code main} is the only place that exits; {@code execute} returns the
 * exit code (0 success, 1 a check failed, 2 bad usage or input, 3 an operation failed).
 *
 * <pre>int code = StrataCommand.commandLine(args).execute(args);</pre>
 */
@Command(name = "strata", mixinStandardHelpOptions = true, versionProvider = StrataCommand.Version.class,
        description = "Event-sourced schema registry for SQLite databases, with a CI checker.",
        exitCodeOnInvalidInput = ExitCode.BAD_INPUT, exitCodeOnExecutionException = ExitCode.OPERATION_FAILED)
public final class StrataCommand implements Runnable {

    @Mixin
    ProjectOptions options;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public StrataCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock where every command takes the time from (revisions, backups, stored undo scripts) */
    public StrataCommand(Clock clock) {
        this.clock = clock;
    }

    // added on demand: picocli's model of every subcommand took a tenth of a small check's wall time
    private static final List<Class<?>> SUBCOMMANDS = List.of(CheckCommand.class, HistoryCommand.class, SchemaCommand.class,
            DiffCommand.class, RevisionCommand.class, GenerateCommand.class, UpgradeCommand.class, DowngradeCommand.class,
            CurrentCommand.class, BackupCommand.class, RestoreCommand.class, StampCommand.class, InitCommand.class,
            RebaseCommand.class, GateCommand.class, PushCommand.class, AuditCommand.class, ConvertCommand.class,
            ImportCommand.class, VerifyCommand.class);

    public static void main(String[] args) {
        dev.strata.events.sqlite.SqliteLibrary.loadSoon();
        System.exit(commandLine(args).execute(args));
    }

    /**
     * The command line to run {@code args} with: the subcommands among them, or every subcommand when
     * they name none (for help, suggestions and errors).
     */
    public static CommandLine commandLine(String... args) {
        return commandLine(Clock.systemUTC(), args);
    }

    /** {@link #commandLine(String...)} with the time taken from {@code clock}. */
    public static CommandLine commandLine(Clock clock, String... args) {
        CommandLine line = new CommandLine(new StrataCommand(clock));
        Set<String> given = Set.of(args);
        List<Class<?>> named = SUBCOMMANDS.stream().filter(c -> given.contains(name(c))).toList();
        for (Class<?> c : named.isEmpty() ? SUBCOMMANDS : named) {
            line.addSubcommand(c);
        }
        line.setParameterExceptionHandler(StrataCommand::badUsage);
        return line;
    }

    /** A usage error: the message, picocli's suggestions, and where the help is; not the whole usage text. */
    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("run `" + cmd.getCommandSpec().qualifiedName() + " --help` for its options");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: use one of "
                + String.join(", ", SUBCOMMANDS.stream().map(StrataCommand::name).toList()) + " (strata --help lists them)");
    }

    public Clock clock() {
        return clock;
    }

    public ProjectOptions options() {
        return options;
    }

    /** The project configuration from strata.yaml and the flags, relative to the working directory. */
    public ProjectConfig config() {
        return ProjectConfig.load(Path.of("").toAbsolutePath(), new ProjectConfig.Overrides(options.directory, options.subject,
                options.models, options.modelsPython, options.modelsPath, options.events, options.migrations, database(),
                options.backups, options.registry, options.keepBackups, options.layout));
    }

    private Path database() {
        if (options.url == null) {
            return options.database;
        }
        if (!options.url.startsWith("jdbc:sqlite:") || options.url.startsWith("jdbc:sqlite::memory:")) {
            throw new dev.strata.cli.project.InvalidInputException("--url " + options.url
                    + ": strata manages SQLite database files; give jdbc:sqlite:/path/to/file.db");
        }
        String file = options.url.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        return Path.of(query < 0 ? file : file.substring(0, query));
    }

    /** The version the build wrote into {@code strata-version.properties} (the jar's and the classes' alike). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (var in = StrataCommand.class.getResourceAsStream("/strata-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            String v = p.getProperty("version", "");
            return new String[] {"strata " + (v.isEmpty() || v.startsWith("${") ? "(version unknown: built without Maven)" : v),
                    "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
        }
    }
}
