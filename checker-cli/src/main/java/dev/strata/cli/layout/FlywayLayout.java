package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationFolder.Problem;
import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<n>__<description>.sql} upgrades and {@code U<n>__<description>.sql} downgrades, each run
 * in a transaction unless a {@code <file>.conf} beside it holds {@code executeInTransaction=false}.
 * Problems that still leave the folder usable (a {@code U} without its {@code V}, two files for one
 * version) are collected, not thrown.
 */
public final class FlywayLayout implements Layout {

    private static final Pattern NAME = Pattern.compile("([VU])(\\d+)__(.+)\\.sql");

    @Override
    public String name() {
        return "flyway";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.files().stream().anyMatch(p -> NAME.matcher(SourceFiles.name(p)).matches());
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        // Flyway reads subfolders and follows links: so does this, or check would pass a folder upgrade refuses
        List<Path> loops = new ArrayList<>();
        List<Path> files = SourceFiles.walk(folder, shownAs, loops);
        // the listing tells which .sql.conf files exist, without asking once per script
        // relativize normalises both paths each time: the walk gives paths under the folder, so cut its prefix once
        String separator = folder.getFileSystem().getSeparator();
        String prefix = folder.toString().endsWith(separator) ? folder.toString() : folder + separator;
        List<String> relative = files.stream().map(p -> p.toString().startsWith(prefix) ? p.toString().substring(prefix.length())
                : folder.relativize(p).toString()).toList();
        Set<String> names = new HashSet<>(relative);
        Map<Integer, MigrationScript> ups = new TreeMap<>();
        Map<Integer, MigrationScript> downs = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        for (Path loop : loops) {
            problems.add(new Problem(shownAs + "/" + folder.relativize(loop), null, shownAs + "/" + folder.relativize(loop)
                    + " is a symbolic link that leads back to a folder above it: Flyway follows it and finds the migrations twice",
                    "remove the link; keep migrations in " + shownAs + " itself"));
        }
        for (int i = 0; i < files.size(); i++) {
            Path p = files.get(i);
            String name = relative.get(i);
            Matcher m = NAME.matcher(SourceFiles.name(p));
            if (!m.matches()) {
                if (SourceFiles.name(p).matches("[VU][^_]*__.*\\.sql")) {
                    problems.add(new Problem(shownAs + "/" + name, null, "the version of " + SourceFiles.name(p) + " is not a whole number",
                            "strata supports integer versions: V<n>__<description>.sql"));
                }
                continue;
            }
            int version = Integer.parseInt(m.group(2));
            String shown = shownAs + "/" + name;
            MigrationScript script = new MigrationScript(version, m.group(3), shown, SourceFiles.read(p, shown),
                    transactional(p, name, shown, names));
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

    private static boolean transactional(Path sql, String relative, String shown, Set<String> names) {
        String confName = sql.getFileName() + ".conf";
        if (!names.contains(relative + ".conf")) {
            return true;
        }
        for (String line : SourceFiles.read(sql.resolveSibling(confName), shown + ".conf").lines().toList()) {
            if (line.strip().replace(" ", "").equalsIgnoreCase("executeInTransaction=false")) {
                return false;
            }
        }
        return true;
    }
}
