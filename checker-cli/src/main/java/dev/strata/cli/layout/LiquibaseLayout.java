package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: a changelog that starts with {@code --liquibase formatted sql}, split into changesets by
 * {@code --changeset author:id} lines and run in file order; a changeset's down is its {@code --rollback} lines (or a
 * {@code /* liquibase rollback ... *&#47;} block). Each runs in a transaction unless the changeset says
 * {@code runInTransaction:false}; changesets whose {@code dbms:} excludes sqlite are left out. {@code --migrations}
 * names the changelog file, or a folder whose formatted SQL files are read in name order (as {@code includeAll}).
 */
public final class LiquibaseLayout implements Layout {

    private static final Pattern HEADER = Pattern.compile("--\\s*liquibase\\s+formatted\\s+sql.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET_LINE = Pattern.compile("--\\s*changeset\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHANGESET = Pattern.compile("--\\s*changeset\\s+(\"[^\"]+\"|[^:\\s]+):(\\S+)(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK = Pattern.compile("--\\s*rollback\\b\\s?(.*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("/\\*\\s*liquibase\\s+rollback\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+):(\\S+)");

    @Override
    public String name() {
        return "liquibase";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.files().stream().anyMatch(p -> FolderSigns.isSql(p) && startsWithHeader(folder.text(p)));
    }

    @Override
    public MigrationFolder read(Path location, String shownAs) {
        List<ToolMigration> out = new ArrayList<>();
        List<MigrationFolder.Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean single = Files.isRegularFile(location);
        if (single && changelogs(location).isEmpty()) {
            throw new InvalidInputException(shownAs + ":1: not a formatted SQL changelog; fix: start it with --liquibase formatted sql"
                    + " (XML, YAML and JSON changelogs are not read: point --migrations at the formatted SQL file)");
        }
        for (Path file : changelogs(location)) {
            String shown = single ? shownAs : shownAs + "/" + SourceFiles.name(file);
            for (ToolMigration m : parse(shown, SourceFiles.read(file, shown))) {
                if (!seen.add(m.toolVersion())) {
                    problems.add(new MigrationFolder.Problem(m.up().file(), null, "changeset " + m.toolVersion() + " appears twice; the one at line "
                            + (m.up().firstLine() - 1) + " is not checked", "give each changeset its own author:id"));
                    continue;
                }
                out.add(m);
            }
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(out), problems);
    }

    private static List<Path> changelogs(Path location) {
        if (Files.isRegularFile(location)) {
            return isChangelog(location) ? List.of(location) : List.of();
        }
        return SourceFiles.list(location, location.toString(), p -> Files.isRegularFile(p) && p.toString().endsWith(".sql") && isChangelog(p));
    }

    private static boolean startsWithHeader(String text) {
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            String line = text.substring(start, end < 0 ? text.length() : end);
            if (!line.isBlank()) {
                return HEADER.matcher(line.strip()).matches();
            }
            start = end < 0 ? text.length() : end + 1;
        }
        return false;
    }

    /** Whether the file's first line that is not blank is Liquibase's header; only that far is read. */
    private static boolean isChangelog(Path p) {
        try (java.io.BufferedReader in = Files.newBufferedReader(p)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    return HEADER.matcher(line.strip()).matches();
                }
            }
            return false;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    private static List<ToolMigration> parse(String shown, String text) {
        Lines lines = Lines.of(text);
        List<Integer> starts = new ArrayList<>();
        for (int n = 1; n <= lines.count(); n++) {
            String l = lines.line(n).strip();
            if (CHANGESET_LINE.matcher(l).matches()) {
                if (!CHANGESET.matcher(l).matches()) {
                    throw new InvalidInputException(shown + ":" + n + ": malformed changeset line '" + l + "'; fix: write --changeset author:id"
                            + " (Liquibase refuses it too)");
                }
                starts.add(n);
            } else if (starts.isEmpty() && lines.isSql(n)) {
                throw new InvalidInputException(shown + ":" + n + ": SQL before the first --changeset; fix: put it in a changeset");
            }
        }
        List<ToolMigration> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : lines.count();
            Matcher m = CHANGESET.matcher(lines.line(start).strip());
            m.matches();
            String author = m.group(1).replace("\"", "");
            String id = m.group(2);
            boolean transactional = true;
            boolean forSqlite = true;
            Matcher a = ATTRIBUTE.matcher(m.group(3));
            while (a.find()) {
                if (a.group(1).equalsIgnoreCase("runInTransaction")) {
                    transactional = !a.group(2).equalsIgnoreCase("false");
                } else if (a.group(1).equalsIgnoreCase("dbms")) {
                    forSqlite = runsOnSqlite(a.group(2));
                }
            }
            if (!forSqlite) {
                continue;
            }
            String advice = "add runInTransaction:false to the --changeset line (line " + start + ")";
            ToolMigration.Script up = new ToolMigration.Script(shown, lines.text(start + 1, end), transactional, start + 1,
                    "changeset " + author + ":" + id, advice);
            out.add(new ToolMigration(author + ":" + id, id, up, rollback(shown, lines, start, end, transactional, author + ":" + id, advice)));
        }
        return out;
    }

    /** The rollback, line for line where it stands in the file (other lines left blank), or null when there is none. */
    private static ToolMigration.Script rollback(String shown, Lines lines, int start, int end, boolean transactional, String id, String advice) {
        List<String> sql = new ArrayList<>();
        int first = 0;
        boolean inBlock = false;
        for (int n = start + 1; n <= end; n++) {
            String l = lines.line(n);
            Matcher r = ROLLBACK.matcher(l.strip());
            String piece = null;
            if (inBlock) {
                int close = l.indexOf("*/");
                piece = close < 0 ? l : l.substring(0, close);
                inBlock = close < 0;
            } else if (ROLLBACK_BLOCK.matcher(l.strip()).lookingAt()) {
                Matcher b = ROLLBACK_BLOCK.matcher(l.strip());
                b.lookingAt();
                String rest = l.strip().substring(b.end());
                int close = rest.indexOf("*/");
                piece = close < 0 ? rest : rest.substring(0, close);
                inBlock = close < 0;
            } else if (r.matches()) {
                piece = r.group(1);
                String word = piece.strip().toLowerCase(Locale.ROOT);
                if (word.equals("not required") || word.equals("empty")) {
                    piece = "";
                }
            }
            if (piece != null) {
                first = first == 0 ? n : first;
                while (sql.size() < n - first) {
                    sql.add("");
                }
                sql.add(piece);
            }
        }
        if (first == 0) {
            return null;
        }
        return new ToolMigration.Script(shown, String.join("\n", sql) + "\n", transactional, first, "rollback of " + id, advice);
    }

    private static boolean runsOnSqlite(String dbms) {
        List<String> names = Arrays.stream(dbms.toLowerCase(Locale.ROOT).split(",")).map(String::strip).toList();
        if (names.contains("!sqlite")) {
            return false;
        }
        return names.contains("sqlite") || names.contains("all") || names.stream().allMatch(n -> n.startsWith("!"));
    }
}
