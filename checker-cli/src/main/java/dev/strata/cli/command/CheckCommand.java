package dev.strata.cli.command;

import dev.strata.cli.ExitCode;
import dev.strata.cli.Progress;
import dev.strata.cli.check.CheckContext;
import dev.strata.cli.check.walk.Walk;
import dev.strata.cli.check.walk.WalkCache;
import dev.strata.cli.check.CheckOptions;
import dev.strata.cli.check.CheckReport;
import dev.strata.cli.check.CheckRunner;
import dev.strata.cli.check.HistoryCheck;
import dev.strata.cli.check.ModelsCheck;
import dev.strata.cli.git.GitRepository;
import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.layout.Layouts;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.Project;
import dev.strata.cli.project.ProjectConfig;
import dev.strata.cli.report.CheckReportFormat;
import dev.strata.events.diagram.ErDiagram;
import dev.strata.cli.report.GithubReport;
import dev.strata.cli.report.JsonReport;
import dev.strata.cli.report.JunitReport;
import dev.strata.cli.report.MarkdownReport;
import dev.strata.cli.report.TextReport;
import dev.strata.events.Revision;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.json.RevisionHasher;
import dev.strata.events.projection.Projection;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code strata check}: every check of the history, the migrations and the models, in one report. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Prove every migration reversible (schema and data) and matching the models.")
public final class CheckCommand extends StrataSubcommand {

    enum Format { text, json, junit, github, markdown }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), json, junit, github or markdown.")
    Format format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--skip", paramLabel = "CHECK", split = ",", description = "Skip a check (repeatable): "
            + "history, immutability, projection, reversibility, data, models, lint.")
    List<String> skip = new ArrayList<>();

    @Option(names = "--strict", description = "Warnings fail the check too.")
    boolean strict;

    @Option(names = "--base-dir", paramLabel = "DIR", description = "An events folder holding the base's revisions"
            + " (e.g. a checkout of the target branch); none of them may have changed.")
    Path baseDir;

    @Option(names = "--base", paramLabel = "REF", description = "A git ref (e.g. origin/main): no revision at the merge"
            + " base with it may have changed, and the history must have one head once merged into it.")
    String baseRef;

    @Option(names = "--function", paramLabel = "NAME=SPEC", description = "An SQL function the application registers,"
            + " for the scratch databases: a built-in (identity, base64, unbase64, lower, upper, hex, unhex) or an SQL"
            + " expression over ?1, ?2, ... (adds to strata.yaml's check.functions).")
    List<String> functions = new java.util.ArrayList<>();

    @Option(names = "--prelude", paramLabel = "FILE", description = "SQL run on every scratch database before the first"
            + " migration, for what the application or its migration tool creates outside the migrations"
            + " (default: strata.yaml's check.prelude).")
    Path prelude;

    @Option(names = "--foreign-keys", negatable = true, description = "Run the scratch database with foreign keys on"
            + " (default: strata.yaml's check.foreignKeys, else on).")
    Boolean foreignKeys;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep the walk's states in DIR, so the next check starts"
            + " after the revisions it has seen (default: strata.yaml's check.cache, else .strata/cache).")
    Path cache;

    @Option(names = "--no-cache", description = "Walk the whole history, and keep nothing.")
    boolean noCache;

    @Override
    int execute() {
        for (String s : skip) {
            if (!CheckRunner.names().contains(s)) {
                throw new InvalidInputException("--skip " + s + ": no such check; checks are " + String.join(", ", CheckRunner.names()));
            }
        }
        ProjectConfig config = config();
        Project project = new Project(config);
        // two independent reads of many small files: the revisions on another thread, with the schema after each
        // of them, and the migrations on this one
        // the models on a thread of their own (SQLAlchemy's run Python): needed only once the walk begins
        CompletableFuture<Schema> modelsRead = skip.contains(ModelsCheck.NAME) ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(project::modelsIfAny, CheckCommand::daemon);
        RevisionFiles.Reading reading = project.revisionsReading();
        CompletableFuture<List<Revision>> revisionsRead = CompletableFuture.supplyAsync(reading::result);
        // the schema after each revision and each revision's hash, on that thread too: the walk needs neither
        CompletableFuture<List<Schema>> schemasBuilt = revisionsRead.thenApply(Projection::schemas);
        // (only when the history check or the cache's keys need them: the walk's lanes need the cores)
        boolean hashes = !skip.contains(HistoryCheck.NAME) || !noCache;
        CompletableFuture<List<String>> hashed = hashes ? revisionsRead.thenApply(RevisionHasher::hashes) : null;
        MigrationFolder migrations;
        try {
            migrations = Layouts.read(config);
        } catch (RuntimeException e) {
            joined(revisionsRead);
            throw e;
        }
        // this thread is done with the migrations: it reads revision files too until none is left
        reading.help();
        List<Revision> revisions = joined(revisionsRead);
        if (java.util.stream.IntStream.range(0, revisions.size()).anyMatch(i -> revisions.get(i).number() != i + 1)) {
            // a deleted or repeated revision file: folding the rest would fail on some unrelated event, so the
            // history's problems, naming the files on each side of the gap, are the answer
            project.verifiedRevisions();
        }
        if (revisions.isEmpty() && migrations.pairs().isEmpty() && migrations.problems().isEmpty()) {
            throw new InvalidInputException("nothing to check: no revisions in " + config.show(config.events())
                    + " and no migrations in " + config.show(config.migrations()) + " (read as " + Layouts.of(config).name()
                    + "); run strata in a project (-C DIR), or point --migrations at a migrations folder and --layout at its tool");
        }
        Path baseFolder = baseDir == null ? null : config.root().resolve(baseDir);
        if (baseDir != null && !Files.isDirectory(baseFolder)) {
            throw new InvalidInputException("--base-dir " + baseDir + ": no such folder; give the events folder of the base");
        }
        if (baseDir != null && baseRef != null) {
            throw new InvalidInputException("give --base REF or --base-dir DIR, not both");
        }
        List<Revision> base = baseDir == null ? null : RevisionFiles.readAll(baseFolder, baseDir.toString());
        List<Revision> target = null;
        if (baseRef != null) {
            try (GitRepository git = GitRepository.find(config.root())) {
                String events = git.relative(config.events());
                String mergeBase = git.mergeBase("HEAD", baseRef).orElse(git.commit(baseRef));
                base = RevisionFiles.parse(git.files(mergeBase, events), "merge base " + mergeBase.substring(0, 12) + ":" + events);
                target = RevisionFiles.parse(git.files(baseRef, events), baseRef + ":" + events);
            }
        }
        CheckOptions options = new CheckOptions(foreignKeys != null ? foreignKeys : config.foreignKeys(), strict,
                java.util.Set.copyOf(config.disabledLintRules()), java.util.Set.copyOf(skip), CheckOptions.DEFAULTS.rowsPerTable());
        options = CheckSetup.apply(config, options, functions, prelude);
        CheckReport report;
        if (cache != null && noCache) {
            throw new InvalidInputException("give --cache DIR or --no-cache, not both");
        }
        Path cacheFolder = noCache ? null : cache != null ? config.root().resolve(cache).normalize() : config.checkCache();
        try (Progress progress = new Progress(err(), "versions checked:", migrations.pairs().size());
             WalkCache walkCache = cacheFolder == null ? null : WalkCache.in(cacheFolder, config.checkCacheLimit())) {
            Schema models = joined(modelsRead);
            CheckContext context = CheckContext.builder(migrations, options, new Walk(walkCache))
                    .events(config.show(config.events()), revisions).schemas(() -> joined(schemasBuilt))
                    .computedHashes(hashed == null ? null : () -> joined(hashed)).models(models, config.models().shown()).base(base).target(target, baseRef)
                    .progress(progress).cache(walkCache).build();
            // only Markdown shows the changes, with a diagram each
            boolean shown = format == Format.markdown || format == Format.github && System.getenv("GITHUB_STEP_SUMMARY") != null;
            report = CheckRunner.run(config.subject(), context, shown ? changes(context, migrations, base) : List.of());
            if (walkCache != null && walkCache.note() != null) {
                err().println("strata: note: " + walkCache.note());
            }
        }
        String text = formatter().render(report);
        if (output != null) {
            write(config.root().resolve(output), text);
        } else {
            out().print(text);
            out().flush();
        }
        if (format == Format.github && System.getenv("GITHUB_STEP_SUMMARY") != null) {
            append(Path.of(System.getenv("GITHUB_STEP_SUMMARY")), new MarkdownReport().render(report));
        }
        return report.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }

    private static void daemon(Runnable work) {
        Thread t = new Thread(work, "strata-models");
        t.setDaemon(true);
        t.start();
    }

    /** The value, or what the read threw, as if it had run on this thread: a broken revision is reported first. */
    private static <T> T joined(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    private CheckReportFormat formatter() {
        return switch (format) {
            case text -> new TextReport();
            case json -> new JsonReport();
            case junit -> new JunitReport();
            case github -> new GithubReport();
            case markdown -> new MarkdownReport();
        };
    }

    /** The revisions this change adds (after the base, or the newest one), with SQL and diagram, for Markdown. */
    private static List<CheckReport.Change> changes(CheckContext context, MigrationFolder migrations, List<Revision> base) {
        List<CheckReport.Change> out = new ArrayList<>();
        if (!migrations.pairs().isEmpty()) {
            int from = base != null ? base.size() + 1 : migrations.pairs().get(migrations.pairs().size() - 1).version();
            for (MigrationPair p : migrations.pairs()) {
                if (p.version() < from) {
                    continue;
                }
                String diagram = null;
                if (context.hasEvents() && p.version() <= context.revisions().size()) {
                    Set<Identifier> tables = touched(context.schemaAt(p.version() - 1), context.schemaAt(p.version()));
                    // a revision that changes no table (a view, a trigger, data) has no diagram, not an empty one
                    diagram = tables.isEmpty() ? null : ErDiagram.of(context.schemaAt(p.version()), tables);
                }
                String label = context.hasEvents() && p.version() <= context.revisions().size()
                        ? "Revision " + context.revisions().get(p.version() - 1).label() + ": " + context.revisions().get(p.version() - 1).message()
                        : "Version " + p.version() + " (" + p.description() + ")";
                out.add(new CheckReport.Change(label, p.up().file(), p.up().text(), p.down() == null ? null : p.down().file(),
                        p.down() == null ? null : p.down().text(), diagram));
            }
        }
        return out;
    }


    static Set<Identifier> touched(Schema before, Schema after) {
        Set<Identifier> out = new LinkedHashSet<>();
        for (Identifier t : before.tables().keySet()) {
            if (!before.tables().get(t).equals(after.tables().get(t))) {
                out.add(t);
            }
        }
        for (Identifier t : after.tables().keySet()) {
            if (!after.tables().get(t).equals(before.tables().get(t))) {
                out.add(t);
            }
        }
        after.indexes().values().stream().filter(i -> !i.equals(before.indexes().get(i.name()))).forEach(i -> out.add(i.table()));
        before.indexes().values().stream().filter(i -> !i.equals(after.indexes().get(i.name())))
                .filter(i -> after.tables().containsKey(i.table())).forEach(i -> out.add(i.table()));
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Path abs = file.toAbsolutePath();
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            RevisionFiles.writeAtomically(abs, text);
        } catch (IOException e) {
            throw new InvalidInputException("--output " + file + ": cannot write it: " + e.getMessage());
        }
    }

    private static void append(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new InvalidInputException("GITHUB_STEP_SUMMARY " + file + ": cannot write it: " + e.getMessage());
        }
    }
}
