package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.git.GitRepository;
import dev.strata.cli.project.GeneratedFiles;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.events.InvalidEventException;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionCodec;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code strata rebase REF}: after two branches each added revisions on the same parent, renumber
 * this branch's new revisions after REF's, re-chaining their hashes and regenerating their V/U files.
 */
@Command(name = "rebase", mixinStandardHelpOptions = true,
        description = "Renumber this branch's new revisions after those of REF (e.g. origin/main), re-chained and regenerated.")
public final class RebaseCommand extends StrataSubcommand {

    @Parameters(paramLabel = "REF", description = "The branch this one merges into, e.g. origin/main.")
    String ref;

    @Override
    int execute() {
        ProjectConfig config = config();
        List<Revision> target;
        try (GitRepository git = GitRepository.find(config.root())) {
            String events = git.relative(config.events());
            target = RevisionFiles.parse(git.files(ref, events), ref + ":" + events);
        }
        Set<String> theirs = target.stream().map(Revision::hash).collect(Collectors.toSet());
        List<Revision> local = readEach(config);
        List<Revision> mine = local.stream().filter(r -> !theirs.contains(r.hash()))
                .sorted(Comparator.comparingInt(Revision::number)).toList();
        if (mine.isEmpty()) {
            out().println("nothing to rebase: every revision here is on " + ref);
            return ExitCode.OK;
        }
        List<Revision> all = new ArrayList<>(target);
        String parent = target.isEmpty() ? null : target.get(target.size() - 1).hash();
        for (Revision r : mine) {
            Revision moved = RevisionHasher.seal(r.renumbered(all.size() + 1, parent));
            try {
                Projection.apply(Projection.schemaAt(all, all.size()), moved);
            } catch (InvalidEventException e) {
                throw new InvalidInputException("revision " + r.label() + " does not apply after " + ref + "'s revision " + all.size()
                        + ": " + e.getMessage() + "; change its events by hand (nothing was written)");
            }
            all.add(moved);
            parent = moved.hash();
        }
        write(config, local, mine, all);
        for (int i = target.size(); i < all.size(); i++) {
            out().println("revision " + mine.get(i - target.size()).label() + " is now " + all.get(i).label());
        }
        out().println("rebased " + mine.size() + " revision(s) onto " + ref + "; run `strata check`, then commit and push");
        return ExitCode.OK;
    }

    /** Every revision file, each on its own: two files with one number are expected here. */
    private static List<Revision> readEach(ProjectConfig config) {
        List<Revision> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(config.events())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                out.add(RevisionCodec.read(Files.readString(p), config.show(p)));
            }
        } catch (IOException e) {
            throw new InvalidInputException("reading " + config.show(config.events()) + ": " + e.getMessage());
        }
        return out;
    }

    private static void write(ProjectConfig config, List<Revision> local, List<Revision> mine, List<Revision> all) {
        try {
            for (Revision r : mine) {
                Files.deleteIfExists(config.events().resolve(r.eventFileName()));
            }
            for (Revision r : all) {
                if (!Files.exists(config.events().resolve(r.eventFileName()))) {
                    RevisionFiles.write(config.events(), r);
                }
            }
            Map<String, String> files = GeneratedFiles.of(all, config.show(config.events()));
            try (Stream<Path> s = Files.list(config.migrations())) {
                for (Path p : s.toList()) {
                    if (GeneratedFiles.isMigrationFile(p.getFileName().toString()) && !files.containsKey(p.getFileName().toString())) {
                        Files.delete(p);
                    }
                }
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                RevisionFiles.writeAtomically(config.migrations().resolve(f.getKey()), f.getValue());
            }
        } catch (IOException e) {
            throw new OperationFailedException("writing the rebased revisions: " + e.getMessage(), e);
        }
    }
}
