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

    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.walk(SOURCE)) {
            for (Path p : files.toList()) {
                Path rel = SOURCE.relativize(p);
                if (rel.startsWith("data") || rel.startsWith("backup")) {
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
