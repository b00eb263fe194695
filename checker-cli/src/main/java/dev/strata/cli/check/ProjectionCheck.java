package dev.strata.cli.check;

import dev.strata.cli.project.MigrationPair;
import dev.strata.cli.project.MigrationScript;
import dev.strata.events.Revision;
import dev.strata.events.sql.SqliteDialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code projection}: the committed V/U files are exactly what the events project (nothing hand-edited, none missing). */
public final class ProjectionCheck implements Check {

    public static final String NAME = "projection";
    private static final String HINT = "regenerate the files with `strata generate`; never edit generated migrations";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        if (!context.hasEvents()) {
            return List.of();
        }
        Map<Integer, MigrationPair> pairs = context.migrations().pairs().stream()
                .collect(Collectors.toMap(MigrationPair::version, Function.identity()));
        Map<Integer, byte[]> scripts = new java.util.HashMap<>();
        for (int i = 0; i < context.migrations().pairs().size(); i++) {
            scripts.put(context.migrations().pairs().get(i).version(), context.scriptKeys().get(i));
        }
        String folder = context.migrations().shownAs();
        List<Revision> revisions = context.revisions();
        String settings = "events=" + context.eventsFolder() + "\nmigrations=" + folder;
        return PerRevision.findings(context, NAME, settings, revisions.size(), i -> {
            byte[] files = scripts.get(revisions.get(i).number());
            return CacheKeys.digest(context.revisionKeys().get(i), files == null ? new byte[0] : files);
        }, i -> compare(context, revisions.get(i), pairs, folder));
    }

    private static List<Finding> compare(CheckContext context, Revision r, Map<Integer, MigrationPair> pairs, String folder) {
        List<Finding> out = new ArrayList<>();
        MigrationPair pair = pairs.get(r.number());
        var before = context.schemaAt(r.number() - 1);
        var up = SqliteDialect.upgrade(before, r);
        compare(out, r, folder + "/" + r.upgradeFileName(), pair == null ? null : pair.up(),
                SqliteDialect.upgradeFile(r, before, context.eventsFolder()), up.transactional());
        compare(out, r, folder + "/" + r.downgradeFileName(), pair == null ? null : pair.down(),
                SqliteDialect.downgradeFile(r, before, context.eventsFolder()), SqliteDialect.downgrade(before, r).transactional());
        return out;
    }

    private static void compare(List<Finding> out, Revision r, String expectedFile, MigrationScript actual, String expected,
                                boolean transactional) {
        if (actual == null) {
            out.add(Finding.error(NAME, r.number(), expectedFile, expectedFile + " is missing for revision " + r.label(), HINT));
            return;
        }
        if (!actual.file().equals(expectedFile)) {
            out.add(Finding.error(NAME, r.number(), actual.file(), actual.file() + " should be named " + expectedFile
                    + " (revision " + r.label() + ")", HINT));
        }
        if (!actual.text().equals(expected)) {
            out.add(Finding.error(NAME, r.number(), actual.file(), actual.file() + " differs from what revision " + r.label()
                    + " projects, first at line " + firstDifferentLine(actual.text(), expected), HINT).atLine(firstDifferentLine(actual.text(), expected)));
        }
        if (actual.transactional() != transactional) {
            out.add(Finding.error(NAME, r.number(), actual.file(), actual.file() + (transactional
                    ? " must run in Flyway's transaction, but a .conf file says executeInTransaction=false"
                    : " needs " + actual.file().substring(actual.file().lastIndexOf('/') + 1)
                    + ".conf with executeInTransaction=false, so stock Flyway runs it outside a transaction"), HINT));
        }
    }

    private static int firstDifferentLine(String a, String b) {
        List<String> x = a.lines().toList();
        List<String> y = b.lines().toList();
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return i + 1;
            }
        }
        return Math.min(x.size(), y.size()) + 1;
    }
}
