package dev.strata.cli.git;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Who is running strata, for new revisions, releases and deployments; the one place that decides it. In order:
 * the {@code --author} flag, {@code $STRATA_AUTHOR}, git's {@code user.name <user.email>} when the project is in a
 * repository (its own config, then the user's and the system's, as git reads them), the operating-system user.
 */
public final class Author {

    private Author() {
    }

    /** @param flag the {@code --author} a command was given, or null */
    public static String of(Path projectRoot, String flag) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        String env = System.getenv("STRATA_AUTHOR");
        if (env != null && !env.isBlank()) {
            return env;
        }
        String git = fromGit(projectRoot);
        return git != null ? git : System.getProperty("user.name", "unknown");
    }

    private static String fromGit(Path projectRoot) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(projectRoot.toFile());
        if (builder.getGitDir() == null) {
            return null;
        }
        try (Repository repository = builder.setMustExist(true).build()) {
            StoredConfig config = repository.getConfig();
            String name = config.getString("user", null, "name");
            String email = config.getString("user", null, "email");
            if (name == null || name.isBlank()) {
                return null;
            }
            return email == null || email.isBlank() ? name : name + " <" + email + ">";
        } catch (IOException | IllegalArgumentException e) {
            // a repository git itself cannot open gives no identity; the next source decides
            return null;
        }
    }
}
