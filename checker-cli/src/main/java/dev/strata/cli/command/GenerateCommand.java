package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.json.RevisionFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code strata generate}: (re)write the V/U files from the events; {@code --check} only verifies. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write the V/U migration files the events project; --check only verifies them.")
public final class GenerateCommand extends StrataSubcommand {

    @Option(names = "--check", description = "Write nothing; exit 1 and list files that are missing, different or extra.")
    boolean check;

    @Override
    int execute() {
        ProjectConfig config = config();
        var revisions = project().verifiedRevisions();
        if (revisions.isEmpty()) {
            throw new dev.strata.cli.project.InvalidInputException("no revisions in " + config.show(config.events())
                    + ": generate writes migrations from revisions, and leaves a plain Flyway folder alone;"
                    + " record one with `strata revision`");
        }
        Map<String, String> expected = GeneratedFiles.of(revisions, config.show(config.events()));
        Path folder = config.migrations();
        List<String> problems = new ArrayList<>();
        List<Path> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = folder.resolve(e.getKey());
            String actual = read(file);
            if (actual == null) {
                problems.add("missing:   " + config.show(file));
            } else if (!actual.equals(e.getValue())) {
                problems.add("different: " + config.show(file));
            }
        }
        for (Path p : list(folder)) {
            String name = p.getFileName().toString();
            if (GeneratedFiles.isMigrationFile(name) && !expected.containsKey(name)) {
                problems.add("extra:     " + config.show(p));
                stale.add(p);
            }
        }
        if (check) {
            problems.forEach(out()::println);
            out().println(problems.isEmpty() ? "migrations match the events (" + expected.size() + " files)"
                    : problems.size() + " file(s) do not match the events; run `strata generate`");
            return problems.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        try {
            Files.createDirectories(folder);
            int written = 0;
            for (Map.Entry<String, String> e : expected.entrySet()) {
                Path file = folder.resolve(e.getKey());
                if (!e.getValue().equals(read(file))) {
                    RevisionFiles.writeAtomically(file, e.getValue());
                    written++;
                }
            }
            for (Path p : stale) {
                Files.delete(p);
            }
            out().println("wrote " + written + " of " + expected.size() + " migration files in " + config.show(folder)
                    + (stale.isEmpty() ? "" : ", removed " + stale.size() + " that no revision projects"));
        } catch (IOException e) {
            throw new OperationFailedException("writing migrations in " + config.show(folder) + ": " + e.getMessage(), e);
        }
        return ExitCode.OK;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            throw new OperationFailedException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new OperationFailedException("listing " + folder + ": " + e.getMessage(), e);
        }
    }
}
