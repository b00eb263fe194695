package dev.strata.cli.layout;

import dev.strata.cli.project.InvalidInputException;
import dev.strata.cli.project.MigrationFolder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: one {@code <version>_<description>.sql} per migration (pkg/dbmate/migration.go), in file-name order,
 * with a {@code -- migrate:up} section and an optional {@code -- migrate:down}; each runs in a transaction unless
 * its marker line says {@code transaction:false}. SQL outside the sections is refused, as dbmate refuses it.
 */
public final class DbmateLayout implements Layout {

    private static final Pattern MARKER = Pattern.compile("(?m)^--\\s*migrate:up");
    private static final Pattern NAME = Pattern.compile("(\\d+)_?(.*)\\.sql");
    private static final Pattern UP = Pattern.compile("--\\s*migrate:up(.*)");
    private static final Pattern DOWN = Pattern.compile("--\\s*migrate:down(.*)");
    private static final Pattern NO_TRANSACTION = Pattern.compile("(^|\\s)transaction:false(\\s|$)");

    @Override
    public String name() {
        return "dbmate";
    }

    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.anySqlHas("migrate:up", MARKER);
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        List<ToolMigration> migrations = new ArrayList<>();
        List<MigrationFolder.Problem> problems = new ArrayList<>();
        String previous = null;
        for (Path p : SourceFiles.files(folder, shownAs)) {
            Matcher m = NAME.matcher(SourceFiles.name(p));
            if (!m.matches()) {
                continue;
            }
            String shown = shownAs + "/" + SourceFiles.name(p);
            if (m.group(1).equals(previous)) {
                problems.add(new MigrationFolder.Problem(shown, null, "dbmate version " + previous + " has two files; the second, "
                        + shown + ", is not checked", "give each migration its own version"));
                continue;
            }
            previous = m.group(1);
            migrations.add(parse(m.group(1), m.group(2), shown, SourceFiles.read(p, shown)));
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(migrations), problems);
    }

    private static ToolMigration parse(String version, String description, String shown, String text) {
        Lines lines = Lines.of(text);
        int up = 0;
        int down = 0;
        for (int n = 1; n <= lines.count(); n++) {
            String l = lines.line(n);
            if (UP.matcher(l).matches()) {
                if (up != 0) {
                    throw bad(shown, n, "a second -- migrate:up", "keep one up section");
                }
                up = n;
            } else if (DOWN.matcher(l).matches()) {
                if (up == 0 || down != 0) {
                    throw bad(shown, n, down != 0 ? "a second -- migrate:down" : "-- migrate:down before -- migrate:up",
                            "put the up section first, then one down section");
                }
                down = n;
            } else if (up == 0 && lines.isSql(n)) {
                throw bad(shown, n, "SQL outside the -- migrate:up and -- migrate:down sections", "move it into a section");
            }
        }
        if (up == 0) {
            throw bad(shown, 1, "no -- migrate:up section", "add a line -- migrate:up above the migration (dbmate requires it)");
        }
        String file = shown.substring(shown.lastIndexOf('/') + 1);
        int upEnd = down == 0 ? lines.count() : down - 1;
        ToolMigration.Script upScript = new ToolMigration.Script(shown, lines.text(up + 1, upEnd), transactional(lines.line(up)), up + 1,
                "up section", "add transaction:false to line " + up + " of " + file + " (-- migrate:up transaction:false)");
        ToolMigration.Script downScript = down == 0 ? null : new ToolMigration.Script(shown, lines.text(down + 1, lines.count()),
                transactional(lines.line(down)), down + 1, "down section",
                "add transaction:false to line " + down + " of " + file + " (-- migrate:down transaction:false)");
        return new ToolMigration(version, description, upScript, downScript);
    }

    private static boolean transactional(String marker) {
        Matcher m = UP.matcher(marker);
        String options = m.matches() ? m.group(1) : DOWN.matcher(marker).replaceFirst("$1");
        return !NO_TRANSACTION.matcher(options.strip()).find();
    }

    private static InvalidInputException bad(String shown, int line, String what, String fix) {
        return new InvalidInputException(shown + ":" + line + ": " + what + "; fix: " + fix);
    }
}
