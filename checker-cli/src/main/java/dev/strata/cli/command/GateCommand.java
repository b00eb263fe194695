package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.OperationFailedException;
import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.walk.Walk;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckRunner;
import dev.strata.cli.check.Finding;
import dev.strata.cli.check.ImmutabilityCheck;
import dev.strata.cli.git.GitRepository;
import dev.strata.cli.git.VersionTag;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.Project;
import dev.strata.cli.project.ModelsSource;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.cli.project.SqlAlchemyModels;
import dev.strata.cli.report.DeployPlan;
import dev.strata.cli.report.TextReport;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code strata gate TAG}: every check on the tree at TAG, every revision released in an earlier tag
 * unchanged, and the deploy plan from the previous tag. A non-zero exit blocks the release.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = "Release gate for a version tag: all checks at TAG, released revisions unchanged, deploy plan.")
public final class GateCommand extends StrataSubcommand {

    @Parameters(paramLabel = "TAG", description = "The version tag to release, e.g. v0.2.1.")
    String tag;

    @Option(names = "--previous", paramLabel = "TAG", description = "The tag deployed before (default: the highest version tag below TAG).")
    String previous;

    @Option(names = "--plan", paramLabel = "FILE", description = "Write the deploy plan as Markdown to FILE and as JSON beside it (FILE.json).")
    Path plan;

    @Override
    int execute() {
        ProjectConfig config = config();
        try (GitRepository git = GitRepository.find(config.root())) {
            String events = git.relative(config.events());
            String migrationsPath = git.relative(config.migrations());
            List<Revision> atTag = RevisionFiles.parse(git.files(tag, events), tag + ":" + events);
            List<VersionTag> tags = git.versionTags();
            VersionTag self = tags.stream().filter(t -> t.name().equals(tag)).findFirst()
                    .orElseThrow(() -> new InvalidInputException(tag + " is not a version tag (vMAJOR.MINOR.PATCH) of this repository"));
            List<VersionTag> earlier = tags.stream().filter(t -> t.compareTo(self) < 0).toList();
            String prev = previous != null ? previous : earlier.isEmpty() ? null : earlier.get(earlier.size() - 1).name();

            List<String> reasons = new ArrayList<>();
            for (VersionTag t : earlier) {
                List<Revision> released = RevisionFiles.parse(git.files(t.name(), events), t.name() + ":" + events);
                ImmutabilityCheck.changes(released, atTag, events, "released in " + t.name())
                        .forEach(f -> reasons.add(f.check() + ": " + f.message()));
            }
            Path top = export(git, tag, config, events, migrationsPath);
            try {
                return gate(config, git, top, atTag, prev, migrationsPath, reasons);
            } finally {
                deleteTree(top);
            }
        }
    }

    private int gate(ProjectConfig config, GitRepository git, Path top, List<Revision> atTag, String prev, String migrationsPath,
                 List<String> reasons) {
        String events = git.relative(config.events());
        String rel = git.relative(config.root());
        Path tree = rel.isEmpty() ? top : top.resolve(rel);
        CheckReport report = check(config, tree);
        for (Finding f : report.findings()) {
            if (f.fails(false)) {
                reasons.add(f.check() + (f.revision() == null ? "" : " revision " + f.revision()) + ": " + f.message());
            }
        }
        int from = prev == null ? 0 : RevisionFiles.parse(git.files(prev, events), prev + ":" + events).size();
        DeployPlan deploy = plan(config, report, atTag, dev.strata.cli.layout.Layouts.of(config).read(tree.resolve(migrationsPath), config.show(config.migrations())),
                prev, from, reasons);
        Path planFile = config.root().resolve(plan == null ? Path.of("") : plan);
        writePlan(deploy, planFile);
        out().print(new TextReport().render(report));
        out().println();
        out().println("gate " + tag + ": " + (deploy.open() ? "OPEN" : "CLOSED") + "; " + (from >= atTag.size()
                ? "deploys no new revision (the schema stays at revision " + atTag.size() + ")"
                : "deploys revision" + (from + 1 == atTag.size() ? " " + atTag.size() : "s " + (from + 1) + ".." + atTag.size()))
                + (prev == null ? "" : " after " + prev));
        reasons.forEach(r -> out().println("  closed because " + r));
        if (deploy.open() && config.registry() != null) {
            String by = dev.strata.cli.git.Author.of(config.root(), null);
            var client = RegistryCalls.client(config);
            var reply = RegistryCalls.require(client.release(config.subject(), tag, atTag.size(), git.commit(tag), by),
                    "recording " + tag + " in the registry");
            out().println("recorded the release of " + tag + " (revision " + atTag.size() + ") in " + config.registry());
            // the plan was written before the release, so a failed release still leaves it; now it gains the checkpoint
            RegistryCalls.keepCheckpoint(config, client, reply, out()).ifPresent(c -> writePlan(deploy.withCheckpoint(c), planFile));
        }
        return deploy.open() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private CheckReport check(ProjectConfig config, Path tree) {
        ModelsSource models = config.models();
        // the interpreter is the work tree's (a virtual environment is not in git); the code is the tag's
        String python = models instanceof SqlAlchemyModels code ? code.interpreter() : null;
        Path codePath = models instanceof SqlAlchemyModels code ? Path.of(config.show(code.path())) : null;
        ProjectConfig atTag = ProjectConfig.load(tree, new ProjectConfig.Overrides(null, config.subject(), models.flag(), python,
                codePath, Path.of(config.show(config.events())), Path.of(config.show(config.migrations())), null, null, null, null,
                config.layout()));
        Project project = new Project(atTag);
        CheckOptions options = new CheckOptions(atTag.foreignKeys(), false, Set.copyOf(atTag.disabledLintRules()), Set.of(),
                CheckOptions.DEFAULTS.rowsPerTable());
        options = CheckSetup.apply(atTag, options, List.of(), null);
        CheckContext context = CheckContext.builder(dev.strata.cli.layout.Layouts.read(atTag), options, new Walk())
                .events(config.show(config.events()), project.revisions())
                .models(project.modelsIfAny(), models.shown()).build();
        return CheckRunner.run(config.subject(), context, List.of());
    }

    private static DeployPlan plan(ProjectConfig config, CheckReport report, List<Revision> revisions, MigrationFolder folder,
                                   String prev, int from, List<String> reasons) {
        List<DeployPlan.Step> steps = new ArrayList<>();
        for (Revision r : revisions.subList(Math.min(from, revisions.size()), revisions.size())) {
            MigrationPair pair = folder.pairs().stream().filter(p -> p.version() == r.number()).findFirst().orElse(null);
            List<String> risks = report.findings().stream()
                    .filter(f -> f.revision() != null && f.revision() == r.number() && f.severity() == Finding.Severity.WARNING)
                    .map(f -> f.check() + ": " + f.message()).toList();
            steps.add(new DeployPlan.Step(r.number(), r.label(), r.message(), pair == null ? null : pair.up().file(),
                    pair == null ? "" : pair.up().text(), pair == null || pair.down() == null ? null : pair.down().file(),
                    pair == null || pair.down() == null ? "" : pair.down().text(), risks));
        }
        return new DeployPlan(config.subject(), null, prev, from, revisions.size(), steps, reasons, null);
    }

    private void writePlan(DeployPlan deploy, Path planFile) {
        if (plan == null) {
            return;
        }
        DeployPlan named = new DeployPlan(deploy.subject(), tag, deploy.previousTag(), deploy.from(), deploy.to(), deploy.steps(),
                deploy.reasonsClosed(), deploy.checkpoint());
        String base = planFile.toString().replaceAll("\\.md$", "");
        try {
            Path md = planFile.toAbsolutePath();
            if (md.getParent() != null) {
                Files.createDirectories(md.getParent());
            }
            RevisionFiles.writeAtomically(md, named.markdown());
            RevisionFiles.writeAtomically(Path.of(base + ".json").toAbsolutePath(), named.json());
        } catch (IOException e) {
            throw new InvalidInputException("--plan " + plan + ": cannot write it: " + e.getMessage());
        }
    }

    /** The project's files at a ref, in a temporary folder laid out like the work tree. */
    private static Path export(GitRepository git, String ref, ProjectConfig config, String events, String migrations) {
        Path tree = null;
        try {
            tree = Files.createTempDirectory("strata-gate");
            String yaml = git.relative(config.root().resolve(ProjectConfig.FILE));
            for (String folder : List.of(events, migrations)) {
                Path dir = Files.createDirectories(tree.resolve(folder));
                for (Map.Entry<String, String> f : git.files(ref, folder).entrySet()) {
                    Files.writeString(dir.resolve(f.getKey()), f.getValue());
                }
            }
            List<String> files = new ArrayList<>(List.of(yaml));
            for (Path source : config.models().sources()) {
                String name = git.relative(source);
                Map<String, String> below = git.tree(ref, name);
                if (below.isEmpty()) {
                    files.add(name);
                }
                for (Map.Entry<String, String> f : below.entrySet()) {
                    Path target = tree.resolve(name).resolve(f.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, f.getValue());
                }
            }
            for (String file : files) {
                var text = git.file(ref, file);
                if (text.isPresent()) {
                    Path target = tree.resolve(file);
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, text.get());
                }
            }
            return tree;
        } catch (IOException e) {
            if (tree != null) {
                deleteTree(tree);
            }
            throw new OperationFailedException("exporting " + ref + " to a temporary folder: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path tree) {
        try (var files = Files.walk(tree)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
