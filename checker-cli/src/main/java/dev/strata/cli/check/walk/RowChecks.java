package dev.strata.cli.check.walk;

import dev.strata.cli.check.Finding;
import dev.strata.cli.check.HistoryWalk;
import dev.strata.cli.project.MigrationPair;
import dev.strata.events.schema.Identifier;
import dev.strata.events.schema.Schema;
import dev.strata.events.schema.Table;
import dev.strata.events.sql.SqlScript;
import dev.strata.events.sqlite.DataSnapshot;

import java.util.List;

/** The {@code data} check's comparisons of rows before and after a version's scripts. */
final class RowChecks {

    private RowChecks() {
    }

    /** Rows of tables the upgrade neither drops nor touches with DML must all still be there. */
    static void lostByUp(MigrationPair pair, Schema before, DataSnapshot rowsBefore, DataSnapshot rowsAfter, List<Finding> out) {
        SqlScript up = pair.up().script();
        for (Table t : before.tables().values()) {
            DataSnapshot.Rows was = rowsBefore.tables().get(t.name());
            DataSnapshot.Rows now = rowsAfter.tables().get(t.name());
            if (was == null || now == null || now.rows().size() >= was.rows().size()
                    || Tables.touchedByDml(up, t.name()) || Tables.dropsRowsByIntent(up, t.name())) {
                continue;
            }
            out.add(Finding.error(HistoryWalk.DATA, pair.version(), pair.up().file(), Failures.fileName(pair.up()) + " deletes "
                    + (was.rows().size() - now.rows().size()) + " of " + was.rows().size() + " rows of table " + t.name()
                    + ", which it does not drop or change",
                    "rows of child tables go when a referenced table is dropped with foreign keys on (ON DELETE CASCADE);"
                            + " rebuild it with foreign keys off as SQLite documents, or regenerate with `strata generate`"));
        }
    }

    /** After up and down, every row is back; what the upgrade dropped by nature is reported as lossy. */
    static void afterDown(MigrationPair pair, Schema before, Schema after, DataSnapshot rowsBefore, DataSnapshot rowsNow,
                          List<Finding> out) {
        String down = Failures.fileName(pair.down());
        String up = Failures.fileName(pair.up());
        for (Table t : before.tables().values()) {
            DataSnapshot.Rows was = rowsBefore.tables().get(t.name());
            DataSnapshot.Rows now = rowsNow.tables().get(t.name());
            // the usual case, the same rows read back in the same order, needs no projection
            if (was == null || now == null || was.rows().isEmpty() || was.equals(now)) {
                continue;
            }
            Table afterTable = after.tables().get(t.name());
            List<Identifier> kept = t.columnNames().stream().filter(c -> afterTable != null && afterTable.hasColumn(c)).toList();
            List<Identifier> dropped = t.columnNames().stream().filter(c -> !kept.contains(c)).toList();
            if (was.project(t.columnNames()).equals(now.project(t.columnNames()))) {
                continue;
            }
            boolean recreated = Tables.dropsRowsByIntent(pair.up().script(), t.name());
            // only the upgrade's own change to rows is a migration's to make one way; a downgrade that changes others destroys data
            boolean dataMigration = Tables.writesInPlace(pair.up().script(), t.name())
                    || Tables.deletesSome(pair.down().script(), t.name());
            if (!was.project(kept).equals(now.project(kept)) && afterTable != null && (recreated || dataMigration)) {
                out.add(Finding.warning(HistoryWalk.DATA, pair.version(), pair.down().file(), down + " is lossy: rows of table "
                        + t.name() + " differ after " + up + " and " + down + ": " + describe(was, now, kept) + (recreated
                        ? "; " + up + " drops or filters the table's rows on purpose"
                        : "; " + up + " changes the rows in place, or " + down + " deletes the rows its WHERE selects"),
                        "expected of a one-way data migration; make sure the data is backed up before deploying, or make "
                                + down + " restore the rows"));
            } else if (!was.project(kept).equals(now.project(kept)) && afterTable != null) {
                out.add(Finding.error(HistoryWalk.DATA, pair.version(), pair.down().file(), "after " + up + " and " + down
                        + ", rows of table " + t.name() + " differ: " + describe(was, now, kept),
                        "the upgrade or downgrade loses data it could keep: check that every table copy lists every column"));
            } else {
                out.add(Finding.warning(HistoryWalk.DATA, pair.version(), pair.down().file(), down + " is lossy: "
                        + (afterTable == null ? "table " + t.name() + " is dropped by " + up + " and its rows cannot come back"
                        : "values of " + t.name() + "." + dropped + " dropped by " + up + " cannot come back"),
                        "expected when a revision drops data; make sure it is backed up before deploying"));
            }
        }
    }

    private static String describe(DataSnapshot.Rows was, DataSnapshot.Rows now, List<Identifier> columns) {
        List<List<String>> a = was.project(columns);
        List<List<String>> b = now.project(columns);
        if (a.size() != b.size()) {
            return b.size() + " rows instead of " + a.size();
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "expected row " + columns + " = " + a.get(i) + ", found " + b.get(i);
            }
        }
        return "rows differ";
    }
}
