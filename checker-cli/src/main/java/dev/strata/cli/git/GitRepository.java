package dev.strata.cli.git;

import dev.strata.cli.project.InvalidInputException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A git repository read through JGit: the files of a folder at any ref (branch, tag, commit), merge
 * bases, and the version tags in semantic-version order.
 *
 * <pre>try (GitRepository git = GitRepository.find(projectRoot)) { git.files("v0.2.0", "schema/events"); }</pre>
 */
public final class GitRepository implements AutoCloseable {

    private final Repository repository;

    private GitRepository(Repository repository) {
        this.repository = repository;
    }

    /** The repository that holds {@code dir}, searching upwards. */
    public static GitRepository find(Path dir) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
            if (builder.getGitDir() == null) {
                throw new InvalidInputException(dir + " is not inside a git repository; run strata in a clone, or use --base-dir");
            }
            return new GitRepository(builder.setMustExist(true).build());
        } catch (IOException e) {
            throw new InvalidInputException("opening the git repository of " + dir + ": " + e.getMessage());
        }
    }

    public Path workTree() {
        return repository.getWorkTree().toPath().toAbsolutePath().normalize();
    }

    /** The commit a ref names ({@code HEAD}, {@code origin/main}, {@code v0.2.1}, a hash). */
    public String commit(String ref) {
        try {
            ObjectId id = repository.resolve(ref + "^{commit}");
            if (id == null) {
                throw new InvalidInputException("git ref '" + ref + "' does not exist; fetch it first (CI checkouts are often"
                        + " shallow: use fetch-depth: 0) or name a branch, tag or commit");
            }
            return id.name();
        } catch (IOException e) {
            throw new UncheckedIOException("resolving " + ref + ": " + e.getMessage(), e);
        }
    }

    /** The newest common ancestor of two refs, if they have one. */
    public Optional<String> mergeBase(String a, String b) {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(commit(a))));
            walk.markStart(walk.parseCommit(ObjectId.fromString(commit(b))));
            RevCommit base = walk.next();
            return Optional.ofNullable(base).map(RevCommit::name);
        } catch (IOException e) {
            throw new UncheckedIOException("finding the merge base of " + a + " and " + b + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code ancestor} is reachable from {@code ref} (a commit is reachable from itself). */
    public boolean reachable(String ancestor, String ref) {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(commit(ancestor))), walk.parseCommit(ObjectId.fromString(commit(ref))));
        } catch (IOException e) {
            throw new UncheckedIOException("finding whether " + ancestor + " is reachable from " + ref + ": " + e.getMessage(), e);
        }
    }

    /**
     * The text files directly in {@code folder} (a path relative to the work tree, with '/') at
     * {@code ref}: file name to content; empty when the folder does not exist there.
     */
    public Map<String, String> files(String ref, String folder) {
        return files(ref, folder, false);
    }

    /** Like {@link #files(String, String)}, with the files of every folder below too, keyed by their path under {@code folder}. */
    public Map<String, String> tree(String ref, String folder) {
        return files(ref, folder, true);
    }

    private Map<String, String> files(String ref, String folder, boolean below) {
        Map<String, String> out = new LinkedHashMap<>();
        try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader()) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(commit(ref)));
            String prefix = folder.isEmpty() || folder.equals(".") ? "" : folder + "/";
            try (TreeWalk tree = new TreeWalk(reader)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    String path = tree.getPathString();
                    if (path.startsWith(prefix) && (below || path.indexOf('/', prefix.length()) < 0)) {
                        out.put(path.substring(prefix.length()), new String(reader.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + folder + " at " + ref + ": " + e.getMessage(), e);
        }
    }

    /** The content of one file at a ref, if it exists there. */
    public Optional<String> file(String ref, String path) {
        int slash = path.lastIndexOf('/');
        return Optional.ofNullable(files(ref, slash < 0 ? "" : path.substring(0, slash)).get(path.substring(slash + 1)));
    }

    /** Tags named like versions ({@code v1.2.3}), lightweight or annotated, in semantic-version order. */
    public List<VersionTag> versionTags() {
        List<VersionTag> out = new ArrayList<>();
        try {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                String name = ref.getName().substring(Constants.R_TAGS.length());
                VersionTag tag = VersionTag.parse(name, commit(ref.getName()));
                if (tag != null) {
                    out.add(tag);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("listing tags: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** A path of the work tree as git names it (relative, with '/'). */
    public String relative(Path path) {
        return workTree().relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    @Override
    public void close() {
        repository.close();
    }
}
