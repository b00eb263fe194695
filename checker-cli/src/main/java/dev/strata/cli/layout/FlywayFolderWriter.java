package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a history as a Flyway folder: {@code V<n>__<description>.sql} and {@code U<n>__<description>.sql} with the
 * scripts' text unchanged, and a {@code .sql.conf} with {@code executeInTransaction=false} beside each script its
 * tool runs outside a transaction. The folder appears whole or not at all (written beside it, then moved).
 */
public final class FlywayFolderWriter {

    private FlywayFolderWriter() {
    }

    /** Writes the folder; returns the scripts written. */
    public static List<Path> write(MigrationFolder folder, Path target, String shownTarget) {
        return write(folder, java.util.Map.of(), target, shownTarget);
    }

    /** Writes the folder with {@code extra} files (name to text) beside the scripts; returns the scripts written. */
    public static List<Path> write(MigrationFolder folder, java.util.Map<String, String> extra, Path target, String shownTarget) {
        if (Files.exists(target) && !isEmptyFolder(target)) {
            throw new InvalidInputException(shownTarget + " is not empty; fix: give --to a new or empty folder (nothing is overwritten)");
        }
        Path parent = target.toAbsolutePath().getParent();
        List<Path> written = new ArrayList<>();
        Path temp = null;
        try {
            Files.createDirectories(parent);
            temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".");
            for (MigrationPair p : folder.pairs()) {
                String slug = p.description().replaceAll("[^A-Za-z0-9_]", "_");
                written.add(script(temp, "V" + p.version() + "__" + slug + ".sql", p.up()));
                if (p.down() != null) {
                    written.add(script(temp, "U" + p.version() + "__" + slug + ".sql", p.down()));
                }
            }
            for (var e : extra.entrySet()) {
                Files.writeString(temp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            Files.deleteIfExists(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + shownTarget + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
        return written.stream().map(p -> target.resolve(p.getFileName())).toList();
    }

    private static Path script(Path dir, String name, MigrationScript s) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, s.text(), StandardCharsets.UTF_8);
        if (!s.transactional()) {
            Files.writeString(dir.resolve(name + ".conf"), "executeInTransaction=false\n", StandardCharsets.UTF_8);
        }
        return file;
    }

    private static boolean isEmptyFolder(Path p) {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover hidden temp folder is harmless; the error that led here is the one to report
        }
    }
}
