package dev.strata.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code strata:models}: the schema the project's JPA entities declare, as Hibernate's schema export
 * renders it for SQLite, written to {@code target/strata/models.sql} for {@code strata check --models}.
 */
@Mojo(name = "models", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ModelsMojo extends EntitiesMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("strata: skipped (strata.skip)");
            return;
        }
        renderModels();
    }
}
