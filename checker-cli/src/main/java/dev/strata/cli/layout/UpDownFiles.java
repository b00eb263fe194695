package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationFolder.Problem;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of {@code <version>_<description>.up.<ext>} / {@code .down.<ext>} files, as golang-migrate and sqlx
 * keep them, grouped by version in numeric order (timestamps of 14 digits and more included). Two ups for a
 * version and a down without its up are problems, as Flyway's are.
 */
final class UpDownFiles {

    /** The files of one version; {@code up} is null for a stray down. */
    record Version(String version, String description, Path up, Path down) {
    }

    private UpDownFiles() {
    }

    /**
     * @param name groups: 1 the version digits, 2 the description, 3 {@code up} or {@code down}
     * @param tool the tool's name, for messages
     */
    static List<Version> read(Path folder, String shownAs, Pattern name, String tool, List<Problem> problems) {
        Map<BigInteger, Version> versions = new TreeMap<>();
        for (Path p : SourceFiles.files(folder, shownAs)) {
            Matcher m = name.matcher(SourceFiles.name(p));
            if (!m.matches()) {
                continue;
            }
            BigInteger key = new BigInteger(m.group(1));
            boolean up = m.group(3).equals("up");
            Version v = versions.getOrDefault(key, new Version(m.group(1), m.group(2), null, null));
            Path same = up ? v.up() : v.down();
            if (same != null) {
                problems.add(new Problem(shownAs + "/" + SourceFiles.name(p), null, tool + " version " + m.group(1) + " has two "
                        + (up ? "up" : "down") + " files: " + SourceFiles.name(same) + " and " + SourceFiles.name(p)
                        + " (" + tool + " refuses the folder)", "give each migration its own version"));
                continue;
            }
            versions.put(key, up ? new Version(v.version(), m.group(2), p, v.down()) : new Version(v.version(), v.description(), v.up(), p));
        }
        List<Version> out = new ArrayList<>();
        for (Version v : versions.values()) {
            if (v.up() == null) {
                problems.add(new Problem(shownAs + "/" + SourceFiles.name(v.down()), null, SourceFiles.name(v.down())
                        + " has no up file for version " + v.version(), "remove the stray down file or restore its up file"));
            } else {
                out.add(v);
            }
        }
        return out;
    }
}
