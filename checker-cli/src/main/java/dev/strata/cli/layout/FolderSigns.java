package dev.strata.cli.layout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What layout detection looks at in a migrations folder, listed once and each file read at most once
 * however many layouts ask: its regular files, its sub-folders and the text of its {@code .sql} files.
 */
public final class FolderSigns {

    private final List<Path> files = new ArrayList<>();
    private final List<Path> folders = new ArrayList<>();
    private final Map<Path, String> texts = new HashMap<>();

    FolderSigns(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.sorted().toList()) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                } else if (Files.isDirectory(p)) {
                    folders.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // an unreadable folder is reported by the reader that claims it, not by detection
        }
    }

    /** The regular files directly in the folder, sorted by name. */
    List<Path> files() {
        return files;
    }

    /** The folders directly in the folder, sorted by name. */
    List<Path> folders() {
        return folders;
    }

    /**
     * Whether any {@code .sql} file has text matching {@code marker}; {@code word} is text every match holds (in any
     * case), looked for first, as most files of a folder have no marker at all.
     */
    boolean anySqlHas(String word, Pattern marker) {
        return files.stream().anyMatch(p -> isSql(p) && holds(text(p), word) && marker.matcher(text(p)).find());
    }

    private static boolean holds(String text, String word) {
        char first = word.charAt(0);
        for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** A file's text; empty when it is not UTF-8 or cannot be read (its reader reports that, not detection). */
    String text(Path file) {
        String known = texts.get(file);
        if (known != null) {
            return known;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            texts.put(file, text);
            return text;
        } catch (IOException e) {
            return "";
        }
    }

    /** The texts read so far, by file: the layout's reader need not read them again. */
    Map<Path, String> texts() {
        return texts;
    }

    static boolean isSql(Path p) {
        return p.toString().endsWith(".sql");
    }
}
