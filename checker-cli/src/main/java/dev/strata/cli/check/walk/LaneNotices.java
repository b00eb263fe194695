package dev.strata.cli.check.walk;

import dev.strata.cli.project.MigrationScript;
import dev.strata.events.sqlite.ScriptException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a lane meets that is reported once, at the first version of its round trips where it shows: functions
 * the scripts call that SQLite does not have and the project did not declare (an application registers them on
 * its own connections; each gets a stand-in that gives back its first argument, so the walk goes on), and tables
 * no generated row could be put in (the data check cannot see what versions do to their rows).
 */
final class LaneNotices {

    private static final Pattern NO_SUCH_FUNCTION = Pattern.compile("no such function: ([A-Za-z_][A-Za-z0-9_]*)");

    /** A function first met in a script, at its 1-based statement. */
    record Found(String function, MigrationScript script, int statement) {
    }

    /** A table left without rows, and SQLite's refusal of the last row tried. */
    record Unseeded(dev.strata.events.schema.Identifier table, String why) {
    }

    private final Set<String> known = new LinkedHashSet<>();
    private final List<Found> found = new ArrayList<>();
    private final Set<dev.strata.events.schema.Identifier> unseededKnown = new java.util.HashSet<>();
    private final List<Unseeded> unseeded = new ArrayList<>();

    LaneNotices() {
    }

    /** Notices that already know some functions (with stand-ins) and tables left without rows: nothing to report of them again. */
    LaneNotices(Set<String> functions, Set<dev.strata.events.schema.Identifier> unseededTables) {
        known.addAll(functions);
        unseededKnown.addAll(unseededTables);
    }

    Set<dev.strata.events.schema.Identifier> unseededKnown() {
        return unseededKnown;
    }

    /** The function a failure says SQLite lacks, if it is one this lane has no stand-in for yet; else null. */
    String missing(ScriptException e) {
        Matcher m = NO_SUCH_FUNCTION.matcher(e.sqliteMessage() == null ? "" : e.sqliteMessage());
        return m.find() && !known.contains(m.group(1).toLowerCase(Locale.ROOT)) ? m.group(1) : null;
    }

    void add(String function, MigrationScript script, int statement) {
        known.add(function.toLowerCase(Locale.ROOT));
        found.add(new Found(function, script, statement));
    }

    Set<String> known() {
        return known;
    }

    /** Notes the tables a seeding left without rows, those not noted before. */
    void unseeded(java.util.Map<dev.strata.events.schema.Identifier, String> reasons) {
        reasons.forEach((table, why) -> {
            if (unseededKnown.add(table)) {
                unseeded.add(new Unseeded(table, why));
            }
        });
    }

    /** The functions met since the last call. */
    List<Found> drain() {
        List<Found> out = List.copyOf(found);
        found.clear();
        return out;
    }

    /** The tables left without rows since the last call. */
    List<Unseeded> drainUnseeded() {
        List<Unseeded> out = List.copyOf(unseeded);
        unseeded.clear();
        return out;
    }
}
