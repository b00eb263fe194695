package dev.strata.cli.layout;

import dev.strata.cli.project.MigrationFolder;
import dev.strata.cli.project.MigrationFolder.Problem;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * sqlx: reversible {@code <version>_<description>.up.sql} / {@code .down.sql}, or simple
 * {@code <version>_<description>.sql} without a down, ordered by the version (an i64). Each script runs in its
 * own transaction unless its text starts with {@code -- no-transaction} (sqlx-core's migrate/source.rs).
 */
public final class SqlxLayout implements Layout {

    private static final Pattern REVERSIBLE = Pattern.compile("(\\d+)_(.*)\\.(up|down)\\.sql");
    private static final Pattern SIMPLE = Pattern.compile("(\\d+)_(.*)\\.sql");
    private static final String MARKER = "-- no-transaction";

    @Override
    public String name() {
        return "sqlx";
    }

    /** A script that opts out with sqlx's marker, or a simple migration, which golang-migrate has no form for. */
    @Override
    public boolean recognises(FolderSigns folder) {
        return folder.files().stream().anyMatch(p -> {
            String name = SourceFiles.name(p);
            return SIMPLE.matcher(name).matches() && !REVERSIBLE.matcher(name).matches()
                    || REVERSIBLE.matcher(name).matches() && folder.text(p).startsWith(MARKER);
        });
    }

    @Override
    public MigrationFolder read(Path folder, String shownAs) {
        List<Problem> problems = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (UpDownFiles.Version v : UpDownFiles.read(folder, shownAs, REVERSIBLE, "sqlx", problems)) {
            found.add(new Found(new BigInteger(v.version()), new ToolMigration(v.version(), v.description(),
                    script(v.up(), shownAs), v.down() == null ? null : script(v.down(), shownAs))));
        }
        for (Path p : SourceFiles.files(folder, shownAs)) {
            String name = SourceFiles.name(p);
            Matcher m = SIMPLE.matcher(name);
            if (m.matches() && !REVERSIBLE.matcher(name).matches()) {
                found.add(new Found(new BigInteger(m.group(1)), new ToolMigration(m.group(1), m.group(2), script(p, shownAs), null)));
            }
        }
        found.sort(Comparator.comparing(Found::version));
        List<ToolMigration> migrations = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (i > 0 && found.get(i).version().equals(found.get(i - 1).version())) {
                problems.add(new Problem(found.get(i).migration().up().file(), null, "sqlx version " + found.get(i).migration().toolVersion()
                        + " is both a simple and a reversible migration: " + found.get(i - 1).migration().up().file() + " and "
                        + found.get(i).migration().up().file(), "give each migration its own version"));
                continue;
            }
            migrations.add(found.get(i).migration());
        }
        return new MigrationFolder(shownAs, ToolMigration.numbered(migrations), problems);
    }

    private record Found(BigInteger version, ToolMigration migration) {
    }

    private static ToolMigration.Script script(Path p, String shownAs) {
        String shown = shownAs + "/" + SourceFiles.name(p);
        String text = SourceFiles.read(p, shown);
        return ToolMigration.Script.whole(shown, text, !text.startsWith(MARKER),
                "start " + SourceFiles.name(p) + " with the line " + MARKER);
    }
}
