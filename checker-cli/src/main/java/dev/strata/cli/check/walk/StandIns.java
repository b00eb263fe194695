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
 * Functions a lane's scripts call that SQLite does not have and the project did not declare (an application
 * registers them on its own connections). Each gets a stand-in that gives back its first argument, so the
 * walk goes on, and is reported once, at the first version of the lane's round trips that calls it.
 */
final class StandIns {

    private static final Pattern NO_SUCH_FUNCTION = Pattern.compile("no such function: ([A-Za-z_][A-Za-z0-9_]*)");

    /** A function first met in a script, at its 1-based statement. */
    record Found(String function, MigrationScript script, int statement) {
    }

    private final Set<String> known = new LinkedHashSet<>();
    private final List<Found> found = new ArrayList<>();

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

    /** The functions met since the last call. */
    List<Found> drain() {
        List<Found> out = List.copyOf(found);
        found.clear();
        return out;
    }
}
