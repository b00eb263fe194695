package dev.strata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of examples/stock-analyzer for tests that change files. */
public final class ExampleProject {

    /** The example in the repository (tests run with checker-cli as working directory). */
    public static final Path SOURCE = Path.of("..", "examples", "stock-analyzer").toAbsolutePath().normalize();

    private ExampleProject() {
    }

    /** The test projects in src/test/resources/projects (tests run with checker-cli as working directory). */
    public static final Path FIXTURES = Path.of("src", "test", "resources", "projects").toAbsolutePath();

    public static Path copyTo(Path target) {
        return copy(SOURCE, target);
    }

    /** A copy of the test project src/test/resources/projects/{@code name} in {@code target}. */
    public static Path fixture(String name, Path target) {
        return copy(FIXTURES.resolve(name), target);
    }

    /** Copies a project folder, without its local database and backups, to {@code target}. */
    public static Path copy(Path source, Path target) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path rel = source.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("backup") || rel.toString().contains("__pycache__")) {
                    continue;
                }
                Path to = target.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
