package dev.strata.cli.project;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Flyway folder of {@code V<n>__<description>.sql} upgrades and {@code U<n>__<description>.sql}
 * downgrades, written by Strata or not. Problems that still leave the folder usable (a {@code U}
 * without its {@code V}, two files for one version) are collected, not thrown.
 */
public record MigrationFolder(String shownAs, List<MigrationPair> pairs, List<Problem> problems) {

    private static final Pattern NAME = Pattern.compile("([VU])(\\d+)__(.+)\\.sql");

    /** Something wrong with the folder's files. */
    public record Problem(String file, Integer version, String message, String hint) {
    }

    public MigrationFolder {
        pairs = List.copyOf(pairs);
        problems = List.copyOf(problems);
    }

    /**
     * @param shownAs how the folder is named in messages ({@code db/migration})
     * @throws InvalidInputException when the folder cannot be listed or a file cannot be read
     */
    public static MigrationFolder read(Path folder, String shownAs) {
        if (!Files.isDirectory(folder)) {
            return new MigrationFolder(shownAs, List.of(), List.of());
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("cannot list " + shownAs + ": " + e.getMessage()
                    + "; check the folder exists and is readable");
        }
        // the listing (of regular files) tells which .sql.conf files exist, without asking once per script
        Set<String> names = new HashSet<>();
        for (Path p : files) {
            names.add(p.getFileName().toString());
        }
        Map<Integer, MigrationScript> ups = new TreeMap<>();
        Map<Integer, MigrationScript> downs = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString();
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                if (name.matches("[VU][^_]*__.*\\.sql")) {
                    problems.add(new Problem(shownAs + "/" + name, null, "the version of " + name + " is not a whole number",
                            "strata supports integer versions: V<n>__<description>.sql"));
                }
                continue;
            }
            int version = Integer.parseInt(m.group(2));
            String shown = shownAs + "/" + name;
            MigrationScript script = new MigrationScript(version, m.group(3), shown, readText(p, shown), transactional(p, shown, names));
            Map<Integer, MigrationScript> side = m.group(1).equals("V") ? ups : downs;
            MigrationScript other = side.putIfAbsent(version, script);
            if (other != null) {
                problems.add(new Problem(shown, version, "version " + version + " has two " + (side == ups ? "upgrades" : "downgrades")
                        + ": " + other.file() + " and " + shown, "give each migration its own version"));
            }
        }
        List<MigrationPair> pairs = new ArrayList<>();
        for (MigrationScript up : ups.values()) {
            pairs.add(new MigrationPair(up.version(), up.description(), up, downs.get(up.version())));
        }
        for (MigrationScript down : downs.values()) {
            if (!ups.containsKey(down.version())) {
                problems.add(new Problem(down.file(), down.version(), down.file() + " has no upgrade V" + down.version()
                        + "__*.sql", "remove the stray downgrade or restore its upgrade"));
            }
        }
        return new MigrationFolder(shownAs, pairs, problems);
    }

    private static String readText(Path p, String shown) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new InvalidInputException(shown + ": the file is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new InvalidInputException(shown + ": cannot read the file (" + e.getMessage() + "); check its permissions");
        }
    }

    private static boolean transactional(Path sql, String shown, Set<String> names) {
        String confName = sql.getFileName() + ".conf";
        if (!names.contains(confName)) {
            return true;
        }
        Path conf = sql.resolveSibling(confName);
        for (String line : readText(conf, shown + ".conf").lines().toList()) {
            String l = line.strip().replace(" ", "");
            if (l.equalsIgnoreCase("executeInTransaction=false")) {
                return false;
            }
        }
        return true;
    }
}
