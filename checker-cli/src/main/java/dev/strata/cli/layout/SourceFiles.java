package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Listing and reading a migration folder's files, with messages that name the file. */
final class SourceFiles {

    private SourceFiles() {
    }

    /** The entries of {@code folder} that pass {@code filter}, sorted by name; none when the folder does not exist. */
    static List<Path> list(Path folder, String shownAs, Predicate<Path> filter) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + shownAs + ": " + e.getMessage() + "; check the folder exists and is readable");
        }
    }

    static List<Path> files(Path folder, String shownAs) {
        return list(folder, shownAs, Files::isRegularFile);
    }

    /**
     * Every regular file below {@code folder}, following symbolic links as Flyway's file-system scanner does, sorted
     * by path; a link that leads back to a folder above it is added to {@code loops} (Flyway follows it and finds
     * the migrations twice).
     */
    static List<Path> walk(Path folder, String shownAs, List<Path> loops) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> out = new java.util.ArrayList<>();
        try {
            Files.walkFileTree(folder, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                out.add(file);
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof java.nio.file.FileSystemLoopException) {
                                loops.add(file);
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                            if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                                // a dangling link: Flyway skips it too
                                return java.nio.file.FileVisitResult.CONTINUE;
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + shownAs + ": " + e.getMessage() + "; check the folder exists and is readable");
        }
        out.sort(null);
        return out;
    }

    /** Texts already read on this thread, by file (those layout detection read), while a reader runs. */
    private static final ThreadLocal<java.util.Map<Path, String>> KNOWN = new ThreadLocal<>();

    /** What {@code reader} gives, reading the files of {@code texts} from there instead of the disk. */
    static <T> T knowing(java.util.Map<Path, String> texts, java.util.function.Supplier<T> reader) {
        KNOWN.set(texts);
        try {
            return reader.get();
        } finally {
            KNOWN.remove();
        }
    }

    static String read(Path p, String shown) {
        // a FIFO or device would block the read for ever: only regular files (or links to them) are read
        if (!Files.isRegularFile(p)) {
            throw new InvalidInputException(shown + ": not a regular file (a folder, FIFO or device); replace it by the migration's SQL file");
        }
        java.util.Map<Path, String> known = KNOWN.get();
        if (known != null && known.containsKey(p)) {
            return known.get(p);
        }
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InvalidInputException(shown + ": the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(shown + ": cannot read the file (" + e.getMessage() + "); check its permissions");
        }
    }

    static String name(Path p) {
        return p.getFileName().toString();
    }
}
