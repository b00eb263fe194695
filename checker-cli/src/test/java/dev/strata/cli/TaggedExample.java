package dev.strata.cli;

import dev.strata.events.Revision;
import dev.strata.events.json.ModelsYaml;
import dev.strata.events.json.RevisionFiles;
import dev.strata.events.projection.Projection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real git repository holding the example with its history cut at each release: {@code v0.2.0} has
 * revisions 1..8, {@code v0.3.0} revisions 1..12 (the default), and a clone of it standing in for the
 * production machine, where releases are checked out by tag.
 */
public final class TaggedExample implements AutoCloseable {

    private static final PersonIdent ME = new PersonIdent("Ana Lima", "ana@example.com");

    private final Git origin;
    private final Path repo;
    private final List<Revision> all;

    private TaggedExample(Git origin, Path repo, List<Revision> all) {
        this.origin = origin;
        this.repo = repo;
        this.all = all;
    }

    /** The repository at {@code dir}, with one annotated tag per {@code (tag, revisions)} pair, in order. */
    public static TaggedExample create(Path dir, Object... tagsAndRevisions) throws Exception {
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        Path project = ExampleProject.copyTo(dir.resolve("app"));
        List<Revision> all = RevisionFiles.readAll(project.resolve("schema/events"), "schema/events");
        Files.writeString(dir.resolve(".gitignore"), "app/data/\napp/backup/\napp/*.lock\n");
        TaggedExample example = new TaggedExample(git, dir, all);
        for (int i = 0; i < tagsAndRevisions.length; i += 2) {
            example.release((String) tagsAndRevisions[i], (Integer) tagsAndRevisions[i + 1]);
        }
        return example;
    }

    /** Commits the project cut at revision {@code n} and tags it. */
    public void release(String tag, int n) throws Exception {
        keepRevisions(repo.resolve("app"), n);
        origin.add().addFilepattern(".").call();
        origin.add().addFilepattern(".").setUpdate(true).call();
        origin.commit().setMessage("revisions 1 to " + n).setAuthor(ME).setCommitter(ME).call();
        origin.tag().setName(tag).setAnnotated(true).setMessage("release " + tag).setTagger(ME).call();
    }

    public Path project() {
        return repo.resolve("app");
    }

    /** A clone at {@code dir} (the production machine), its project folder returned; check out tags with {@link #checkout}. */
    public Path cloneTo(Path dir) throws Exception {
        Git.cloneRepository().setURI(repo.toUri().toString()).setDirectory(dir.toFile()).call().close();
        return dir.resolve("app");
    }

    /** Checks out {@code tag} in the clone whose project folder is {@code project}, as {@code git checkout TAG} does. */
    public static void checkout(Path project, String tag) throws Exception {
        try (Git git = Git.open(project.getParent().toFile())) {
            git.checkout().setName("refs/tags/" + tag).call();
        }
    }

    private void keepRevisions(Path project, int n) throws IOException {
        for (Revision r : all) {
            Path event = project.resolve("schema/events").resolve(r.eventFileName());
            Path migrations = project.resolve("db/migration");
            if (r.number() > n) {
                Files.deleteIfExists(event);
                try (Stream<Path> files = Files.list(migrations)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().matches("[VU]" + r.number() + "__.*")).toList()) {
                        Files.delete(f);
                    }
                }
            } else if (!Files.exists(event)) {
                Files.copy(ExampleProject.SOURCE.resolve("schema/events").resolve(r.eventFileName()), event);
                try (Stream<Path> files = Files.list(ExampleProject.SOURCE.resolve("db/migration"))) {
                    for (Path f : files.filter(f -> f.getFileName().toString().matches("[VU]" + r.number() + "__.*")).toList()) {
                        Files.copy(f, migrations.resolve(f.getFileName()));
                    }
                }
            }
        }
        Files.writeString(project.resolve("schema/models.yaml"), ModelsYaml.write(Projection.schemaAt(all, n)));
    }

    public List<Revision> revisions() {
        return all;
    }

    @Override
    public void close() {
        origin.close();
    }
}
