package dev.strata.maven;

import dev.strata.maven.hibernate.EntityScan;
import dev.strata.maven.hibernate.HibernateModels;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What both goals share: the project's {@code @Entity} classes, loaded from its runtime classpath and
 * rendered by Hibernate's schema export on SQLite into {@code target/strata/models.sql}.
 */
abstract class EntitiesMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The packages whose entities make the models (with their sub-packages); all of target/classes when empty. */
    @Parameter(property = "strata.packages")
    List<String> packages = new ArrayList<>();

    /** Where the rendered models go. */
    @Parameter(property = "strata.models", defaultValue = "${project.build.directory}/strata/models.sql", required = true)
    File models;

    /** Skips the goal. */
    @Parameter(property = "strata.skip", defaultValue = "false")
    boolean skip;

    /** Renders the entities into {@link #models}; returns the file. */
    Path renderModels() throws MojoExecutionException, MojoFailureException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        try (URLClassLoader loader = new URLClassLoader(classpath(), getClass().getClassLoader())) {
            List<Class<?>> entities = EntityScan.entities(classes, packages, loader);
            if (entities.isEmpty()) {
                throw new MojoFailureException("no @Entity classes in " + shown(classes) + (packages.isEmpty() ? "" : " under " + packages)
                        + "; run the goal after compile (it binds to process-classes), or set <packages> to where the entities are");
            }
            String ddl = HibernateModels.render(entities, loader);
            Path file = models.toPath().toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, "-- rendered by Hibernate " + HibernateModels.version() + " (SQLiteDialect) from "
                    + entities.size() + " entities of " + project.getGroupId() + ":" + project.getArtifactId() + "; do not edit\n"
                    + ddl, StandardCharsets.UTF_8);
            getLog().info("strata: wrote " + shown(file) + " from " + entities.size() + " entities: "
                    + String.join(", ", entities.stream().map(Class::getSimpleName).toList()));
            return file;
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("strata: Hibernate cannot render the entities of " + project.getArtifactId() + ": "
                    + e.getMessage() + "; fix the mapping (Hibernate would refuse it at start-up as well)", e);
        } catch (IOException e) {
            throw new MojoExecutionException("strata: writing " + models + ": " + e.getMessage(), e);
        }
    }

    /** A path as the build's messages name it: relative to the project's folder. */
    String shown(Path path) {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        String relative = base.relativize(abs).toString().replace('\\', '/');
        return !abs.startsWith(base) ? abs.toString() : relative.isEmpty() ? "." : relative;
    }

    private URL[] classpath() throws MojoExecutionException {
        try {
            List<String> elements = project.getRuntimeClasspathElements();
            URL[] urls = new URL[elements.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = new File(elements.get(i)).toURI().toURL();
            }
            return urls;
        } catch (DependencyResolutionRequiredException | MalformedURLException e) {
            throw new MojoExecutionException("strata: the runtime classpath of " + project.getArtifactId() + ": " + e.getMessage(), e);
        }
    }
}
